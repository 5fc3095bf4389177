/**
 * Issue #16, "done when": three app instances on one PostgreSQL (each its own connections and job queue). Comment
 * commands arrive as webhooks sent to random instances, each delivered twice under two delivery ids, while the
 * instances also import the season; every comment is acted on once, and the bot answers each once, whichever
 * instance's worker posts it.
 */
import { eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type DbHandle } from "@/db/client";
import { botComments, commentCommands } from "@/db/schema";
import { startFakeGitHub, type FakeGitHub } from "@/demo/fake-github/server";
import type { FixtureComment } from "@/demo/program/fixture";
import { applyDemoProgram } from "@/demo/program/seed";
import { createGitHubClient } from "@/lib/github/client";
import { startJobQueue, type JobQueue } from "@/lib/jobs/queue";
import { useJobQueue } from "@/lib/server/boot";
import { runSync } from "@/lib/sync/run-sync";
import { handleDelivery } from "@/lib/webhooks/handle-delivery";
import { smallProgram } from "../factories/program";
import { createDatabase } from "../harness/postgres-server";

const REPO = "many/cmd";
const LOGINS = ["ann", "bob", "cat", "dan", "eve"];
const TASKS = [1, 2, 3, 4, 5, 6];
const program = () =>
  smallProgram({
    repo: REPO,
    logins: LOGINS,
    seasons: [{ slug: "many", name: "Many", startsAt: "2026-01-01T00:00:00+00:00", endsAt: "2027-12-31T00:00:00+00:00", repos: [REPO], taskLabels: ["cp"], difficulties: { easy: 100, medium: 300, hard: 1000 }, rules: { picks: { max: 1, perTeamMember: false, releaseAfterDays: 7 } } }],
    tasks: TASKS.map((number) => ({ number, difficulty: "easy" as const })),
    merges: [],
  });

/** A seeded pseudo-random sequence (the same run every time). */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

describe("comment commands on three instances of one PostgreSQL", () => {
  let fake: FakeGitHub;
  const handles: DbHandle[] = [];
  const queues: JobQueue[] = [];
  const postedBy: number[] = [];
  const client = () => createGitHubClient({ url: `${fake.url}/graphql`, token: "podium-bot", sleep: async () => {} });

  beforeAll(async () => {
    fake = await startFakeGitHub({ fixture: program(), users: { "podium-bot": "podium-bot" } });
    const url = await createDatabase(inject("pgUrl"), `t_cmd_${process.pid}_${Date.now().toString(36)}`);
    for (let i = 0; i < 3; i++) handles.push(await openDatabase({ url, max: 4 }));
    await applyDemoProgram(handles[0]!.db, program());
    for (const [n, handle] of handles.entries()) {
      queues.push(await startJobQueue({ handle, intervalSeconds: 0, timer: false, pollingIntervalSeconds: 0.5, log: () => {}, github: async () => (postedBy.push(n), { client: client(), webBase: fake.url }) }));
    }
    useJobQueue(queues[0]);
    await runSync(handles[0]!.db, { client: client(), trigger: "test", botComments: "commands" });
  });
  afterAll(async () => {
    useJobQueue(undefined);
    for (const q of queues) await q.stop();
    for (const h of handles) await h.close();
    await fake?.close();
  });

  it("40 commands, each delivered twice to random instances beside imports: each acted on once, each answered once", async () => {
    const next = random(16);
    const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    const written: { number: number; c: FixtureComment }[] = [];
    for (let i = 0; i < 40; i++) {
      const number = pick(TASKS);
      const body = next() < 0.6 ? "/pick-up-challenge" : next() < 0.8 ? "/give-up-challenge" : "/pickup-challange";
      const c: FixtureComment = { id: `IC_many${i}`, author: pick(LOGINS), body, createdAt: new Date(Date.now() - (40 - i) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z") };
      const issue = fake.fixture.issues.find((x) => x.number === number)!;
      (issue.comments ??= []).push(c);
      issue.updatedAt = c.createdAt;
      written.push({ number, c });
    }
    fake.touch();
    const deliver = async (db: DbHandle["db"], w: (typeof written)[number], id: string) => {
      const payload = fake.webhooks.commentPayload(fake.fixture.issues.find((x) => x.number === w.number)!, w.c, fake.url);
      // A delivery that lost a race (a deadlock, a serialization failure) answers 500, and GitHub redelivers it.
      for (let attempt = 0; ; attempt++) {
        try {
          return await handleDelivery(db, { deliveryId: id, event: "issue_comment", payload, botComments: "commands" });
        } catch (error) {
          if (attempt >= 5) throw error;
        }
      }
    };
    await Promise.all([
      ...written.flatMap((w, i) => [deliver(pick(handles).db, w, `many-${i}-a`), deliver(pick(handles).db, w, `many-${i}-b`)]),
      runSync(handles[1]!.db, { client: client(), trigger: "test", botComments: "commands" }).catch(() => null),
    ]);
    await runSync(handles[2]!.db, { client: client(), trigger: "test", botComments: "commands" });

    const db = handles[0]!.db;
    for (let i = 0; i < 400; i++) {
      if ((await db.select({ key: botComments.key }).from(botComments).where(eq(botComments.state, "pending"))).length === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const rows = await db.select({ id: commentCommands.commentId, outcome: commentCommands.outcome }).from(commentCommands);
    expect(rows.map((r) => r.id).sort()).toEqual(written.map((w) => w.c.id).sort());
    expect(rows.filter((r) => r.outcome === "pending")).toEqual([]);
    const replies = fake.fixture.issues.flatMap((i) => (i.comments ?? []).filter((c) => c.body.includes("<!-- podium:reply:")));
    const keys = replies.map((c) => /<!-- podium:reply:(\S+) -->/.exec(c.body)![1]);
    expect(keys.sort()).toEqual(written.map((w) => w.c.id).sort());
    expect(await db.select({ key: botComments.key }).from(botComments).where(ne(botComments.state, "posted"))).toEqual([]);
    // The posting was shared: workers of more than one instance took bot comments.
    expect(new Set(postedBy).size).toBeGreaterThan(1);
  }, 180_000);
});
