import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { appeals, auditEvents, participants, seasonTotals, tasks, type Participant, type Season } from "@/db/schema";
import type { Viewer } from "@/lib/auth/permissions";
import { answerAppeal } from "@/lib/commands/answer-appeal";
import { runCommand } from "@/lib/commands/command";
import { APPEALS_PER_DAY, openAppeal } from "@/lib/commands/open-appeal";
import { maintainerQueue } from "@/lib/queries/maintainer-queue";
import { DRIVERS, freshDatabase } from "../harness/databases";
import { createLedgerEntry, createParticipant, createPullRequest, createSeason, createTask } from "../factories/db";

const REPO = "appeal/core";
const OTHER = "appeal/docs";
const as = (p: Participant, extra: Partial<Viewer> = {}): Viewer => ({ userId: `u-${p.login}`, participantId: p.id, login: p.login, isAdmin: false, maintainerOf: [], ...extra });

describe.each(DRIVERS)("appeals and the maintainers' queue on %s", (kind) => {
  let h: DbHandle;
  let season: Season;
  let ann: Participant, bob: Participant, keeper: Participant, docsKeeper: Participant;
  const pointsOf = async (p: Participant) => (await h.db.select({ points: seasonTotals.points }).from(seasonTotals).where(and(eq(seasonTotals.seasonId, season.id), eq(seasonTotals.participantId, p.id))))[0]?.points ?? 0;

  beforeAll(async () => {
    h = await freshDatabase(kind);
    season = await createSeason(h.db, { slug: "appeals", repos: [REPO, OTHER], startsAt: "2020-03-01T00:00:00Z", endsAt: "2020-06-01T00:00:00Z", rules: { picks: { max: 1, releaseAfterDays: 5 } } });
    [ann, bob, keeper, docsKeeper] = [
      (await createParticipant(h.db, { login: "ann" }))!,
      (await createParticipant(h.db, { login: "bob" }))!,
      (await createParticipant(h.db, { login: "keeper" }))!,
      (await createParticipant(h.db, { login: "docs-keeper" }))!,
    ];
  });
  afterAll(async () => h.close());

  it("lists what needs a maintainer, for their repositories only", async () => {
    const scored = await createTask(h.db, { season, repo: REPO, number: 1, difficulty: "easy" });
    await createTask(h.db, { season, repo: REPO, number: 2, title: "no score anywhere", difficulty: null });
    const held = await createTask(h.db, { season, repo: REPO, number: 3, difficulty: "easy", pickedUpBy: bob });
    await h.db.update(tasks).set({ pickedUpAt: new Date(Date.now() - 6 * 86_400_000) }).where(eq(tasks.id, held.id));
    await createLedgerEntry(h.db, { season, participant: ann, task: scored, points: 100, occurredAt: new Date("2020-03-05T00:00:00Z") });
    await createPullRequest(h.db, { repo: REPO, number: 50, author: ann, body: "Fixes #999", mergedAt: "2020-04-01T00:00:00Z" });
    await createPullRequest(h.db, { repo: REPO, number: 51, author: ann, body: "a fix nobody asked for", mergedAt: "2020-04-02T00:00:00Z" });

    const queue = (await maintainerQueue(h.db, "appeals", [REPO]))!;
    expect(queue.needsScore.map((t) => `${t.repo}#${t.number}`)).toEqual([`${REPO}#2`]);
    expect(queue.notATask.map((p) => [`${p.repo}#${p.number}`, p.refs])).toEqual([[`${REPO}#50`, [`${REPO}#999`]]]);
    expect(queue.unlinked.map((p) => `${p.repo}#${p.number}`)).toEqual([`${REPO}#51`]);
    expect(queue.stalePicks.map((t) => [`${t.repo}#${t.number}`, t.holder, t.days])).toEqual([[`${REPO}#3`, "bob", 6]]);
    expect(queue.staleAfterDays).toBe(5);
    const elsewhere = (await maintainerQueue(h.db, "appeals", [OTHER]))!;
    expect([elsewhere.needsScore, elsewhere.notATask, elsewhere.unlinked, elsewhere.stalePicks, elsewhere.appeals]).toEqual([[], [], [], [], []]);
  });

  it("a participant appeals; a maintainer of another repository may not answer; this repository's accepts and the points follow", async () => {
    const queue = (await maintainerQueue(h.db, "appeals", [REPO]))!;
    const pr = queue.unlinked[0]!;
    await expect(runCommand(h.db, openAppeal, as(bob), { season: "appeals", pullRequestId: pr.id, message: "this should count for me" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/Only the author/) });
    await expect(runCommand(h.db, openAppeal, as(ann), { season: "appeals", pullRequestId: pr.id, message: "short" })).rejects.toMatchObject({ code: "INVALID", fields: { message: expect.stringMatching(/at least 10/) } });
    const { appealId } = await runCommand(h.db, openAppeal, as(ann), { season: "appeals", pullRequestId: pr.id, message: "This fixed the crash in #3, please count it" });
    await expect(runCommand(h.db, openAppeal, as(ann), { season: "appeals", pullRequestId: pr.id, message: "once more, with feeling" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/already has an open appeal/) });
    expect((await maintainerQueue(h.db, "appeals", [REPO]))!.appeals).toMatchObject([{ id: appealId, author: "ann", pr: `${REPO}#51`, message: "This fixed the crash in #3, please count it" }]);

    const before = await pointsOf(ann);
    await expect(runCommand(h.db, answerAppeal, as(docsKeeper, { maintainerOf: [OTHER] }), { appealId, decision: "accept", points: 50, reason: "fine by me" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(runCommand(h.db, answerAppeal, as(keeper, { maintainerOf: [REPO] }), { appealId, decision: "accept", reason: "fine by me" })).rejects.toMatchObject({ code: "INVALID", fields: { points: expect.any(String) } });
    expect(await runCommand(h.db, answerAppeal, as(keeper, { maintainerOf: [REPO] }), { appealId, decision: "accept", points: 50, reason: "it did fix the crash" })).toEqual({ status: "accepted" });
    expect(await pointsOf(ann)).toBe(before + 50);
    await expect(runCommand(h.db, answerAppeal, as(keeper, { maintainerOf: [REPO] }), { appealId, decision: "decline", reason: "changed my mind" })).rejects.toMatchObject({ code: "CONFLICT" });
    const [row] = await h.db.select().from(appeals).where(eq(appeals.id, appealId));
    expect(row).toMatchObject({ status: "accepted", points: 50, answer: "it did fix the crash", answeredById: keeper.id });
    const actions = (await h.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.pullRequestId, pr.id))).map((a) => a.action).sort();
    expect(actions).toEqual(["appeal.accept", "appeal.open", "points.award"]);
    expect((await maintainerQueue(h.db, "appeals", [REPO]))!.appeals).toEqual([]);
  });

  it(`a participant may open at most ${APPEALS_PER_DAY} appeals a day`, async () => {
    const [cy] = [(await createParticipant(h.db, { login: "cy" }))!];
    for (let i = 0; i <= APPEALS_PER_DAY; i++) {
      const pr = await createPullRequest(h.db, { repo: REPO, number: 200 + i, author: cy, mergedAt: "2020-04-03T00:00:00Z" });
      const attempt = runCommand(h.db, openAppeal, as(cy), { season: "appeals", pullRequestId: pr.id, message: `appeal number ${i + 1} of the day` });
      if (i < APPEALS_PER_DAY) await attempt;
      else await expect(attempt).rejects.toMatchObject({ code: "CONFLICT", message: `You opened ${APPEALS_PER_DAY} appeals in the last 24 hours; try again tomorrow.` });
    }
    const [{ n }] = (await h.db.select({ n: participants.id }).from(participants).where(eq(participants.login, "cy"))) as [{ n: number }];
    expect((await h.db.select().from(appeals).where(eq(appeals.participantId, n))).length).toBe(APPEALS_PER_DAY);
  });
});
