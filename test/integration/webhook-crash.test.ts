import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DbHandle } from "@/db/client";
import { seasons, tasks, webhookDeliveries } from "@/db/schema";
import { seedDemo } from "@/demo/program/seed";
import { handleDelivery } from "@/lib/webhooks/handle-delivery";
import { issuePayload } from "../factories/webhooks";
import { inject } from "vitest";
import { createDatabase } from "../harness/postgres-server";

const until = async (what: string, check: () => Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe("a webhook delivery whose process dies mid-import is not lost (postgres, kill -9)", () => {
  let url: string;
  let h: DbHandle;
  let admin: postgres.Sql;
  beforeAll(async () => {
    url = await createDatabase(inject("pgUrl"), `t_crash_${process.pid}_${Date.now().toString(36)}`);
    h = await openDatabase({ url, max: 3 });
    await seedDemo(h.db);
    admin = postgres(url, { max: 2, onnotice: () => {} });
  });
  afterAll(async () => {
    await admin?.end();
    await h?.close();
  });

  it("a redelivery after the crash is imported, not answered as a duplicate", async () => {
    const delivery = {
      deliveryId: "crash-1",
      event: "issues",
      payload: issuePayload({ action: "labeled", repo: "pingcap/tidb", number: 93_001, title: "Support `JSON_OVERLAPS`", labels: ["challenge-program-2", "difficulty/easy"], user: { login: "crash-author", id: 7_900_001 } }),
    };
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "podium-crash-")), "delivery.json");
    fs.writeFileSync(file, JSON.stringify(delivery));

    // Hold a lock the import needs, so the handler stops part-way: after its claim, inside the import.
    const blocker = await admin.reserve();
    await blocker`begin`;
    await blocker`lock table github_versions in exclusive mode`;
    const child = spawn(process.execPath, [path.join(process.cwd(), "node_modules/tsx/dist/cli.mjs"), "test/harness/deliver-once.ts", file], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: "ignore",
      // Its own process group: tsx runs the script in a child process, and the whole group is killed.
      detached: true,
    });
    const exited = new Promise((r) => child.once("exit", r));
    try {
      await until("the handler to wait on the import's lock", async () => {
        const rows = await admin`select pid from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
        return rows.length > 0;
      });
      process.kill(-child.pid!, "SIGKILL");
      await exited;
    } finally {
      await blocker`rollback`;
      blocker.release();
    }
    // PostgreSQL notices the dead client and ends its session, rolling its transaction back.
    await until("the dead handler's session to end", async () => (await admin`select 1 from pg_stat_activity where datname = current_database() and state <> 'idle' and pid <> pg_backend_pid()`).length === 0);

    const again = await handleDelivery(h.db, delivery);
    expect(again).toMatchObject({ status: 200, body: { ok: true, tasks: 1 } });
    expect(again.body).not.toHaveProperty("duplicate");
    const [season] = await h.db.select().from(seasons).where(eq(seasons.slug, "2020-s2"));
    const stored = await h.db.select().from(tasks).where(and(eq(tasks.seasonId, season!.id), eq(tasks.number, 93_001)));
    expect(stored).toHaveLength(1);
    const [row] = await h.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.deliveryId, "crash-1"));
    expect(row?.status).toBe("done");
    // Once imported, a further redelivery is the duplicate, and changes nothing.
    expect(await handleDelivery(h.db, delivery)).toMatchObject({ status: 200, body: { ok: true, duplicate: true } });
    expect(await h.db.select().from(tasks).where(and(eq(tasks.seasonId, season!.id), eq(tasks.number, 93_001)))).toHaveLength(1);
  }, 60_000);
});
