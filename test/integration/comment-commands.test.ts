/**
 * Issue #16, item 4 and 5: comment commands on task issues, from a webhook and from the import, with the web's own
 * rules; the bot answers once on the issue through GraphQL `addComment` (validated by the fake against GitHub's
 * schema), whatever replays the comment; stale picks are reminded, then released, at an injected clock.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditEvents, commentCommands, participants, seasons, tasks } from "@/db/schema";
import { startFakeGitHub, type FakeGitHub } from "@/demo/fake-github/server";
import type { FixtureComment } from "@/demo/program/fixture";
import { applyDemoProgram } from "@/demo/program/seed";
import { sweepStalePicks } from "@/lib/bot/stale-picks";
import { createGitHubClient } from "@/lib/github/client";
import type { JobQueue } from "@/lib/jobs/queue";
import { runSync } from "@/lib/sync/run-sync";
import { handleDelivery } from "@/lib/webhooks/handle-delivery";
import { smallProgram } from "../factories/program";
import { botCommentsPosted, startBotQueue, stopBotQueue } from "../harness/bot";
import { DRIVERS, freshDatabase } from "../harness/databases";

const REPO = "cmd/app";
const DAY = 86_400_000;
const program = () =>
  smallProgram({
    repo: REPO,
    logins: ["ann", "bob", "cat"],
    seasons: [{
      slug: "cmd", name: "Commands", startsAt: "2026-01-01T00:00:00+00:00", endsAt: "2027-12-31T00:00:00+00:00", repos: [REPO], taskLabels: ["cp"],
      difficulties: { easy: 100, medium: 300, hard: 1000 },
      rules: { gates: [{ difficulty: "medium", minPoints: 150, from: "easy" }], picks: { max: 1, perTeamMember: false, releaseAfterDays: 7 } },
    }],
    tasks: [{ number: 1, difficulty: "easy" }, { number: 2, difficulty: "medium" }, { number: 3, difficulty: "easy" }, { number: 4, difficulty: "easy" }],
    merges: [],
  });

describe.each(DRIVERS)("comment commands on %s", (kind) => {
  let h: DbHandle;
  let fake: FakeGitHub;
  let queue: JobQueue;
  const client = () => createGitHubClient({ url: `${fake.url}/graphql`, token: "podium-bot", sleep: async () => {} });
  const sync = () => runSync(h.db, { client: client(), trigger: "test", season: "cmd", botComments: "commands" });

  const fakeIssue = (number: number) => fake.fixture.issues.find((i) => i.number === number)!;
  const write = (number: number, author: string, body: string): FixtureComment => {
    const c: FixtureComment = { id: `IC_t${number}${author}${Math.random().toString(36).slice(2, 8)}`, author, body, createdAt: new Date().toISOString().replace(/\.\d{3}Z$/, "Z") };
    const issue = fakeIssue(number);
    (issue.comments ??= []).push(c);
    issue.updatedAt = c.createdAt;
    fake.touch();
    return c;
  };
  const deliver = (number: number, c: FixtureComment, deliveryId: string) =>
    handleDelivery(h.db, { deliveryId, event: "issue_comment", payload: fake.webhooks.commentPayload(fakeIssue(number), c, fake.url), botComments: "commands" });
  const botReplies = (number: number) => (fakeIssue(number).comments ?? []).filter((c) => c.body.includes("<!-- podium:"));
  const holder = async (number: number) => {
    const [row] = await h.db.select({ login: participants.login, state: tasks.state }).from(tasks).leftJoin(participants, eq(participants.id, tasks.pickedUpById)).where(eq(tasks.number, number));
    return row;
  };
  const settled = () => botCommentsPosted(h);

  beforeAll(async () => {
    fake = await startFakeGitHub({ fixture: program(), users: { "podium-bot": "podium-bot" } });
    h = await freshDatabase(kind);
    await applyDemoProgram(h.db, program());
    queue = await startBotQueue(h, client, fake.url);
    await sync();
  });
  afterAll(async () => {
    await stopBotQueue(queue);
    await h?.close();
    await fake?.close();
  });

  let firstPick: FixtureComment;

  it("a /pick-up-challenge by webhook picks the task up, and the bot answers once, however often it is delivered or imported", async () => {
    const c = (firstPick = write(1, "ann", "I'd like to try this.\n/pick-up-challenge"));
    expect((await deliver(1, c, "pick-1")).body).toMatchObject({ ok: true });
    expect(await holder(1)).toEqual({ login: "ann", state: "picked" });
    await settled();
    expect(botReplies(1).map((r) => [r.author, r.body.split("\n")[0]])).toEqual([
      ["podium-bot", "@ann picked up this task (easy, 100 points). Link a pull request within 7 days, or the task is released for others. To give it back, comment `/give-up-challenge`."],
    ]);
    // GitHub's redelivery, the same comment under another delivery id, and a re-import: nothing more.
    expect((await deliver(1, c, "pick-1")).body).toMatchObject({ duplicate: true });
    await deliver(1, c, "pick-1-again");
    await sync();
    await settled();
    expect(botReplies(1)).toHaveLength(1);
    const rows = await h.db.select({ outcome: commentCommands.outcome }).from(commentCommands).where(eq(commentCommands.commentId, c.id));
    expect(rows).toEqual([{ outcome: "picked-up" }]);
  });

  it("refuses with the web's reasons: a task someone holds, the pick limit, a gate", async () => {
    const held = write(1, "bob", "/pick-up");
    await deliver(1, held, "held-1");
    const limit = write(3, "ann", "/pick-up-challenge");
    await deliver(3, limit, "limit-1");
    const gate = write(2, "cat", "/pick-up-challenge");
    await deliver(2, gate, "gate-1");
    await settled();
    expect(await holder(1)).toEqual({ login: "ann", state: "picked" });
    expect(await holder(3)).toEqual({ login: null, state: "open" });
    expect(await holder(2)).toEqual({ login: null, state: "open" });
    const first = (n: number) => botReplies(n).map((r) => r.body.split("\n")[0]);
    expect(first(1)[1]).toBe("@bob could not pick up this task: Someone else is working on this task. Pick another, or ask a maintainer if the claim looks stale.");
    expect(first(3)).toEqual(["@ann could not pick up this task: You already hold a task; a participant holds at most one task at once. Finish or give one up first."]);
    expect(first(2)).toEqual(["@cat could not pick up this task: You need 150 more points from easy tasks before picking up a medium task (you have 0)."]);
  });

  it("answers a typo or a missing slash with what it understood, and does nothing else", async () => {
    const typo = write(4, "cat", "/pickup-challenge");
    await deliver(4, typo, "typo-1");
    const bare = write(4, "bob", "give-up");
    await deliver(4, bare, "bare-1");
    const chat = write(4, "bob", "Could someone pick up this challenge?");
    await deliver(4, chat, "chat-1");
    await settled();
    expect(await holder(4)).toEqual({ login: null, state: "open" });
    expect(botReplies(4).map((r) => r.body.split("\n")[0])).toEqual([
      "@cat I read `/pickup-challenge` as `/pick-up-challenge` spelled differently, so I did nothing. To pick up this task, comment `/pick-up-challenge` on a line of its own.",
      "@bob I read `give-up` as `/give-up-challenge` without its slash, so I did nothing. To give this task back, comment `/give-up-challenge` on a line of its own.",
    ]);
  });

  it("reads commands from the import too (no webhook): ann gives task 1 back, then bob picks it up", async () => {
    write(1, "ann", "/give-up-challenge");
    await sync();
    expect(await holder(1)).toEqual({ login: null, state: "open" });
    // The first pick-up delivered again late (another delivery id) does not take the task back.
    await deliver(1, firstPick, "pick-1-late");
    expect(await holder(1)).toEqual({ login: null, state: "open" });
    write(1, "bob", "/pick-up-challenge");
    await sync();
    await sync();
    await settled();
    expect(await holder(1)).toEqual({ login: "bob", state: "picked" });
    const lines = botReplies(1).map((r) => r.body.split("\n")[0]!.slice(0, 40));
    expect(lines).toEqual(["@ann picked up this task (easy, 100 poin", "@bob could not pick up this task: Someon", "@ann gave this task back; it is open for", "@bob picked up this task (easy, 100 poin"]);
  });

  it("reminds a stale pick a day before, then releases it, each once (an injected clock)", async () => {
    const [t] = await h.db.select({ id: tasks.id, pickedAt: tasks.pickedUpAt }).from(tasks).where(eq(tasks.number, 1));
    const at = (days: number) => new Date(t!.pickedAt!.getTime() + days * DAY);
    expect(await sweepStalePicks(h.db, "cmd", { now: at(5.9), mode: "commands" })).toEqual({ reminded: [], released: [] });
    expect(await sweepStalePicks(h.db, "cmd", { now: at(6.2), mode: "commands" })).toEqual({ reminded: [`${REPO}#1`], released: [] });
    expect(await sweepStalePicks(h.db, "cmd", { now: at(6.5), mode: "commands" })).toEqual({ reminded: [], released: [] });
    await settled();
    expect(botReplies(1).at(-1)!.body).toContain("@bob this task is released on");
    expect(await sweepStalePicks(h.db, "cmd", { now: at(7.01), mode: "commands" })).toEqual({ reminded: [], released: [`${REPO}#1`] });
    expect(await sweepStalePicks(h.db, "cmd", { now: at(8), mode: "commands" })).toEqual({ reminded: [], released: [] });
    await settled();
    expect(await holder(1)).toEqual({ login: null, state: "open" });
    expect(botReplies(1).at(-1)!.body.split("\n")[0]).toBe("@bob held this task for 7 days with no open pull request, so it is released and open for anyone to pick up with `/pick-up-challenge`.");
    const audits = await h.db.select({ reason: auditEvents.reason }).from(auditEvents).where(and(eq(auditEvents.taskId, t!.id), eq(auditEvents.action, "task.release_stale")));
    expect(audits).toEqual([{ reason: "no open pull request within 7 days" }]);
  });

  it("leaves a command read days after it was written alone: recorded, not acted on, not answered", async () => {
    const old: FixtureComment = { id: "IC_old", author: "cat", body: "/pick-up-challenge", createdAt: new Date(Date.now() - 4 * DAY).toISOString().replace(/\.\d{3}Z$/, "Z") };
    await deliver(3, old, "old-1");
    await settled();
    expect(await holder(3)).toEqual({ login: null, state: "open" });
    expect(await h.db.select({ outcome: commentCommands.outcome }).from(commentCommands).where(eq(commentCommands.commentId, "IC_old"))).toEqual([{ outcome: "expired" }]);
  });

  it("says once on a merged pull request that references a task what it earned (PODIUM_BOT_COMMENTS=all)", async () => {
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
    fake.fixture.pullRequests.push({ repo: REPO, number: 50, title: "Fix task 3", body: "Closes #3", labels: [], state: "MERGED", author: "cat", createdAt: now, updatedAt: now, mergedAt: now, mergedBy: "small-maintainer", closingIssues: [3], comments: [] });
    fake.touch();
    for (let i = 0; i < 2; i++) await runSync(h.db, { client: client(), trigger: "test", season: "cmd", botComments: "all" });
    await settled();
    const pr = fake.fixture.pullRequests.find((p) => p.number === 50)!;
    const said = pr.comments.filter((c) => c.body.includes("<!-- podium:outcome:"));
    expect(said.map((c) => c.body.split("\n")[0]!.replace(/http:\/\/[^/]+/, "URL"))).toEqual(["@cat Earned 100 points for cmd/app#3. Your season so far: URL/u/cat?season=cmd"]);
  });

  it("says it in the season's language: a zh-CN season's outcome comment is in Chinese (#19)", async () => {
    await h.db.update(seasons).set({ options: sql`coalesce(${seasons.options}, '{}'::jsonb) || '{"language":"zh-CN"}'::jsonb` }).where(eq(seasons.slug, "cmd"));
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
    fake.fixture.pullRequests.push({ repo: REPO, number: 51, title: "Fix task 4", body: "Closes #4", labels: [], state: "MERGED", author: "cat", createdAt: now, updatedAt: now, mergedAt: now, mergedBy: "small-maintainer", closingIssues: [4], comments: [] });
    fake.touch();
    await runSync(h.db, { client: client(), trigger: "test", season: "cmd", botComments: "all" });
    await settled();
    const said = fake.fixture.pullRequests.find((p) => p.number === 51)!.comments.filter((c) => c.body.includes("<!-- podium:outcome:"));
    expect(said.map((c) => c.body.split("\n")[0]!.replace(/http:\/\/[^/]+/, "URL"))).toEqual(["@cat 因 cmd/app#4 获得 100 积分。 你本赛季的情况：URL/u/cat?season=cmd"]);
  });
});
