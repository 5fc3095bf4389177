import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { participants, pullRequests, scoreEntries, seasons, seasonTotals, tasks, webhookDeliveries } from "@/db/schema";
import { generateDemoProgram } from "@/demo/program/generate";
import { seedDemo } from "@/demo/program/seed";
import { handleDelivery } from "@/lib/webhooks/handle-delivery";
import { sign, verifySignature } from "@/lib/webhooks/verify";
import { commentPayload, issuePayload, pullPayload } from "../factories/webhooks";
import { DRIVERS, freshDatabase } from "../harness/databases";

const REPO = "pingcap/tidb";
const TASK = 90_001;
const PR = 90_002;
const author = { login: "webhook-newcomer", id: 7_700_001 };
// The demo's maintainer of pingcap/tidb, with their GitHub id (same login, other id = another account).
const keeper = (() => {
  const u = generateDemoProgram().users.find((x) => x.login === "sql-keeper")!;
  return { login: u.login, id: u.databaseId };
})();

describe.each(DRIVERS)("webhooks on %s", (kind) => {
  let h: DbHandle;
  let seasonId: number;
  const deliver = (deliveryId: string, event: string, payload: unknown) => handleDelivery(h.db, { deliveryId, event, payload });
  const pointsOf = async (login: string) => {
    const rows = await h.db
      .select({ points: seasonTotals.points })
      .from(seasonTotals)
      .innerJoin(participants, eq(participants.id, seasonTotals.participantId))
      .where(and(eq(seasonTotals.seasonId, seasonId), eq(participants.login, login)));
    return rows[0]?.points ?? 0;
  };
  const entryCount = async () => (await h.db.select({ n: count() }).from(scoreEntries))[0]?.n ?? 0;

  beforeAll(async () => {
    h = await freshDatabase(kind);
    await seedDemo(h.db);
    seasonId = (await h.db.select().from(seasons).where(eq(seasons.slug, "2020-s2")))[0]!.id;
  });
  afterAll(async () => {
    await h?.close();
  });

  it("verifies GitHub's signature in constant time", () => {
    const body = JSON.stringify({ hello: "world" });
    expect(verifySignature("s3cret-s3cret-s3cret", body, sign("s3cret-s3cret-s3cret", body))).toBe(true);
    expect(verifySignature("s3cret-s3cret-s3cret", body, sign("other-secret-value", body))).toBe(false);
    expect(verifySignature("s3cret-s3cret-s3cret", body, "sha256=abc")).toBe(false);
    expect(verifySignature("s3cret-s3cret-s3cret", body, null)).toBe(false);
  });

  // Easy tasks: the season's gates bind credit too (a newcomer's medium or hard PR would earn nothing).
  it("a labelled issue becomes a task, and a merged PR that closes it scores", async () => {
    const labeled = await deliver("d-1", "issues", issuePayload({ action: "labeled", repo: REPO, number: TASK, title: "Support `JSON_PRETTY`", labels: ["challenge-program-2", "difficulty/easy"], user: keeper }));
    expect(labeled).toMatchObject({ status: 200, body: { tasks: 1 } });
    const [task] = await h.db.select().from(tasks).where(and(eq(tasks.seasonId, seasonId), eq(tasks.number, TASK)));
    expect(task).toMatchObject({ difficulty: "easy", score: 100, scoreSource: "default", state: "open" });

    const merged = await deliver("d-2", "pull_request", pullPayload({ action: "closed", repo: REPO, number: PR, title: "expression: support JSON_PRETTY", body: `close #${TASK}`, user: author, mergedAt: "2020-04-01T10:00:00Z" }));
    expect(merged).toMatchObject({ status: 200, body: { pullRequests: 1, entries: 1 } });
    expect(await pointsOf(author.login)).toBe(100);
    const [after] = await h.db.select().from(tasks).where(eq(tasks.id, task!.id));
    expect(after?.state).toBe("completed");
  });

  it("the same delivery three times is handled once", async () => {
    const before = await entryCount();
    const payload = pullPayload({ action: "closed", repo: REPO, number: PR, title: "expression: support JSON_PRETTY", body: `close #${TASK}`, user: author, mergedAt: "2020-04-01T10:00:00Z" });
    for (let i = 0; i < 3; i++) expect((await deliver("d-2", "pull_request", payload)).body).toMatchObject({ duplicate: true });
    expect(await entryCount()).toBe(before);
  });

  it("a maintainer's /reward on a merged PR awards points; a participant's does not", async () => {
    const prNumber = 90_003;
    await deliver("d-3", "pull_request", pullPayload({ action: "closed", repo: REPO, number: prNumber, title: "fix a typo", body: "", user: author, mergedAt: "2020-04-02T10:00:00Z" }));
    const byAuthor = await deliver("d-4", "issue_comment", commentPayload({ repo: REPO, number: prNumber, title: "fix a typo", prAuthor: author, mergedAt: "2020-04-02T10:00:00Z", commenter: author, body: "/reward 500", commentId: 1 }));
    expect(byAuthor.status).toBe(200);
    expect(await pointsOf(author.login)).toBe(100);
    const byMaintainer = await deliver("d-5", "issue_comment", commentPayload({ repo: REPO, number: prNumber, title: "fix a typo", prAuthor: author, mergedAt: "2020-04-02T10:00:00Z", commenter: keeper, body: "Thanks!\n/reward 150", commentId: 2 }));
    expect(byMaintainer.status).toBe(200);
    expect(await pointsOf(author.login)).toBe(250);
  });

  it("a /reward whose payload describes an older state of the PR than the one stored still counts, and the older state is not written", async () => {
    const prNumber = 90_013;
    const writer = { login: "stale-reward-author", id: 7_770_013 };
    const later = new Date(Date.now() + 3_600_000).toISOString();
    await deliver("d-13a", "pull_request", pullPayload({ action: "edited", repo: REPO, number: prNumber, title: "the newer title", body: "", user: writer, mergedAt: "2020-04-02T10:00:00Z", updatedAt: later }));
    const before = await pointsOf(writer.login);
    const reward = await deliver("d-13b", "issue_comment", commentPayload({ repo: REPO, number: prNumber, title: "an older title", prAuthor: writer, mergedAt: "2020-04-02T10:00:00Z", commenter: keeper, body: "/reward 70", commentId: 13 }));
    expect(reward.status).toBe(200);
    expect(await pointsOf(writer.login)).toBe(before + 70);
    const [pr] = await h.db.select({ title: pullRequests.title }).from(pullRequests).where(eq(pullRequests.number, prNumber));
    expect(pr?.title).toBe("the newer title");
  });

  it("removing the task label revokes the award with a ledger entry", async () => {
    const before = await entryCount();
    await deliver("d-6", "issues", issuePayload({ action: "unlabeled", repo: REPO, number: TASK, title: "Support `JSON_PRETTY`", labels: ["difficulty/easy"], user: keeper }));
    expect(await pointsOf(author.login)).toBe(150);
    const revocations = await h.db.select().from(scoreEntries).where(eq(scoreEntries.kind, "revocation"));
    expect(revocations.map((r) => r.points)).toContain(-100);
    expect(await entryCount()).toBe(before + 1);
    // Labelled again: awarded again, as a new entry.
    await deliver("d-7", "issues", issuePayload({ action: "labeled", repo: REPO, number: TASK, title: "Support `JSON_PRETTY`", labels: ["challenge-program-2", "difficulty/easy"], user: keeper }));
    expect(await pointsOf(author.login)).toBe(250);
  });

  it("a reopened (unmerged) PR loses its award; merged again, it scores again", async () => {
    await deliver("d-8", "pull_request", pullPayload({ action: "reopened", repo: REPO, number: PR, title: "expression: support JSON_PRETTY", body: `close #${TASK}`, user: author, mergedAt: null, state: "open" }));
    expect(await pointsOf(author.login)).toBe(150);
    await deliver("d-9", "pull_request", pullPayload({ action: "closed", repo: REPO, number: PR, title: "expression: support JSON_PRETTY", body: `close #${TASK}`, user: author, mergedAt: "2020-04-03T10:00:00Z" }));
    expect(await pointsOf(author.login)).toBe(250);
  });

  it("a merge that arrives before the issue is labelled still scores once the label comes", async () => {
    const issue = 90_101;
    const merged = await deliver("d-20", "pull_request", pullPayload({ action: "closed", repo: REPO, number: 90_102, title: "planner: cost model fix", body: `Fixes #${issue}`, user: { login: "early-bird", id: 7_700_002 }, mergedAt: "2020-04-05T10:00:00Z" }));
    expect(merged.body).toMatchObject({ entries: 0 });
    expect(await pointsOf("early-bird")).toBe(0);
    await deliver("d-21", "issues", issuePayload({ action: "labeled", repo: REPO, number: issue, title: "Improve the cost model", labels: ["challenge-program-2", "difficulty/easy"], user: keeper }));
    expect(await pointsOf("early-bird")).toBe(100);
  });

  it("a malformed payload is refused with the field and nothing is written", async () => {
    const before = await entryCount();
    const deliveries = (await h.db.select({ n: count() }).from(webhookDeliveries))[0]?.n;
    const bad = await deliver("d-10", "pull_request", { action: "closed", repository: { full_name: "x" }, pull_request: { number: -1 } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/repository\.full_name|pull_request\.number/);
    expect(await entryCount()).toBe(before);
    expect((await h.db.select({ n: count() }).from(webhookDeliveries))[0]?.n).toBe(deliveries);
  });
});
