import { desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { rowsOf } from "@/db/client";
import { seasons, seasonTotals } from "@/db/schema";
import { afterCommit, transaction } from "@/db/transaction";
import { seedDemo } from "@/demo/program/seed";
import { scoreHistogram } from "@/lib/queries/score-histogram";
import { createLedgerEntry } from "../factories/db";
import { DRIVERS, freshDatabase } from "../harness/databases";

describe.each(DRIVERS)("effects after commit on %s", (kind) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(kind);
    await h.db.execute(sql`create table effect_probe (n int)`);
  });
  afterAll(async () => h?.close());

  const count = async () => Number(rowsOf<{ n: number }>(await h.db.execute(sql`select count(*)::int as n from effect_probe`))[0]?.n);

  it("runs an effect only once the transaction has committed, and sees the committed rows", async () => {
    const seen: number[] = [];
    await transaction(h.db, async (tx) => {
      await tx.execute(sql`insert into effect_probe values (1)`);
      afterCommit(tx, async () => {
        // Another connection (PGlite: the same one, outside the transaction) must see the row by now.
        seen.push(await count());
      });
      expect(seen).toEqual([]);
    });
    expect(seen).toEqual([1]);
  });

  it("never runs the effects of a transaction that rolled back", async () => {
    let ran = false;
    await expect(
      transaction(h.db, async (tx) => {
        await tx.execute(sql`insert into effect_probe values (2)`);
        afterCommit(tx, () => {
          ran = true;
        });
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(ran).toBe(false);
    expect(await count()).toBe(1);
  });

  it("a nested transaction's effects wait for the outer commit; the same effect runs once", async () => {
    const order: string[] = [];
    const once = () => void order.push("once");
    await transaction(h.db, async (tx) => {
      await transaction(tx, async (inner) => {
        afterCommit(inner, once);
        afterCommit(inner, () => void order.push("inner"));
      });
      afterCommit(tx, once);
      expect(order).toEqual([]);
    });
    expect(order).toEqual(["once", "inner"]);
  });

  it("outside a transaction an effect runs at once; a failing effect does not undo the write", async () => {
    let ran = false;
    afterCommit(h.db, () => {
      ran = true;
    });
    expect(ran).toBe(true);
    await transaction(h.db, async (tx) => {
      await tx.execute(sql`insert into effect_probe values (3)`);
      afterCommit(tx, () => {
        throw new Error("effect failed");
      });
    });
    expect(await count()).toBe(2);
  });
});

describe("read-your-writes: a read between the totals' refresh and the commit is not cached past the commit (postgres)", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase("postgres");
    await seedDemo(h.db);
  });
  afterAll(async () => h?.close());

  it("the score histogram shows the new score right after the commit", async () => {
    const [season] = await h.db.select().from(seasons).where(eq(seasons.slug, "2020-s2"));
    const [top] = await h.db.select().from(seasonTotals).where(eq(seasonTotals.seasonId, season!.id)).orderBy(desc(seasonTotals.points)).limit(1);
    const newScore = top!.points + 12_345;
    const before = await scoreHistogram(h.db, season!.id, null);
    expect(before.scores[0]!.points).toBe(top!.points);

    await transaction(h.db, async (tx) => {
      // The entry and the refresh of the totals, in this transaction.
      await createLedgerEntry(tx, { season: season!, participant: { id: top!.participantId }, points: 12_345, kind: "adjustment", reason: "read-your-writes probe" });
      // Another request reads (another connection: it still sees the committed, old state) and caches it.
      const during = await scoreHistogram(h.db, season!.id, null);
      expect(during.scores[0]!.points).toBe(top!.points);
    });
    // Well within the cache's half second: the commit emptied it.
    const after = await scoreHistogram(h.db, season!.id, null);
    expect(after.scores[0]!.points).toBe(newScore);
  });
});
