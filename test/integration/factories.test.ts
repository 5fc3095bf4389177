import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { participants, repositories, scoreEntries, seasonRepositories, seasonTotals } from "@/db/schema";
import { createLedgerEntries, createParticipant, createPullRequest, createSeason, createTask, createUser, seasonFile } from "../factories/db";
import { DRIVERS, freshDatabase } from "../harness/databases";

/** The factories build rows the product would have written; what they give is worked out here by hand. */
describe.each(DRIVERS)("test factories on %s", (kind) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("a season file is valid and unique; a season is applied with its repositories", async () => {
    const a = seasonFile();
    const b = seasonFile({ slug: "spring", repos: ["acme/one", "acme/two"] });
    expect(a.slug).not.toBe(seasonFile().slug);
    expect(b).toMatchObject({ slug: "spring", graceDays: 0, rules: { caps: [], gates: [] }, teams: [] });
    const season = await createSeason(h.db, { slug: "spring", repos: ["acme/one", "Acme/Two"] });
    expect(season).toMatchObject({ slug: "spring", timeZone: "UTC", difficulties: { easy: 100, medium: 300, hard: 1000 } });
    expect(season.startsAt.toISOString()).toBe("2020-03-01T00:00:00.000Z");
    const listed = await h.db
      .select({ name: repositories.fullName, position: seasonRepositories.position })
      .from(seasonRepositories)
      .innerJoin(repositories, eq(repositories.id, seasonRepositories.repositoryId))
      .where(eq(seasonRepositories.seasonId, season.id));
    expect(listed.sort((x, y) => x.position - y.position)).toEqual([
      { name: "acme/one", position: 0 },
      { name: "acme/two", position: 1 },
    ]);
  });

  it("participants are matched by GitHub id (a rename keeps the row); a user links to one", async () => {
    const p = await createParticipant(h.db, { login: "first-name", githubId: 123_456, name: "First" });
    expect(p).toMatchObject({ login: "first-name", githubId: 123_456, name: "First", isBot: false });
    const renamed = await createParticipant(h.db, { login: "second-name", githubId: 123_456 });
    expect(renamed).toMatchObject({ id: p.id, login: "second-name", name: "First" });
    expect(await createParticipant(h.db)).toMatchObject({ githubId: expect.any(Number) });
    expect(await createUser(h.db, { participant: renamed })).toMatchObject({ participantId: p.id, name: "First" });
  });

  it("tasks take the season's default score, a stated one, or lose their label; a held task is picked", async () => {
    const season = await createSeason(h.db, { difficulties: { easy: 50, hard: 700 } });
    expect(await createTask(h.db, { season })).toMatchObject({ seasonId: season.id, difficulty: "easy", score: 50, scoreSource: "default", state: "open", active: true });
    expect(await createTask(h.db, { season, difficulty: "hard", score: 650 })).toMatchObject({ difficulty: "hard", score: 650, scoreSource: "label" });
    expect(await createTask(h.db, { season, number: 4242, active: false })).toMatchObject({ number: 4242, active: false });
    const holder = await createParticipant(h.db);
    expect(await createTask(h.db, { season, pickedUpBy: holder })).toMatchObject({ state: "picked", pickedUpById: holder.id });
    const prefixed = await createSeason(h.db, { taskLabels: [], taskTitlePrefixes: ["UCP:"] });
    expect(await createTask(h.db, { season: prefixed, title: "speed up" })).toMatchObject({ title: "UCP: speed up", score: 100 });
  });

  it("a merged pull request that closes a task completes it and awards its author; an open one awards nothing", async () => {
    const season = await createSeason(h.db);
    const task = await createTask(h.db, { season, difficulty: "medium" });
    const author = await createParticipant(h.db);
    const open = await createPullRequest(h.db, { author, closes: task });
    expect(open).toMatchObject({ state: "open", mergedAt: null, authorId: author.id });
    const pr = await createPullRequest(h.db, { author, closes: task, mergedAt: "2020-04-01T00:00:00Z" });
    expect(pr).toMatchObject({ state: "merged", authorId: author.id, repositoryId: task.repositoryId });
    const entries = await h.db.select().from(scoreEntries).where(eq(scoreEntries.participantId, author.id));
    expect(entries.map((e) => ({ points: e.points, kind: e.kind, taskId: e.taskId, pr: e.pullRequestId }))).toEqual([{ points: 300, kind: "award", taskId: task.id, pr: pr.id }]);
    const [total] = await h.db.select().from(seasonTotals).where(and(eq(seasonTotals.seasonId, season.id), eq(seasonTotals.participantId, author.id)));
    expect(total).toMatchObject({ points: 300, tasks: 1 });
    // A deleted account's pull request: stored without an author.
    expect(await createPullRequest(h.db, { repo: "factory/elsewhere", author: null })).toMatchObject({ authorId: null, authorLogin: null });
  });

  it("ledger entries refresh the totals they change", async () => {
    const season = await createSeason(h.db);
    const [a, b] = [await createParticipant(h.db), await createParticipant(h.db)];
    const task = await createTask(h.db, { season, difficulty: "hard" });
    const rows = await createLedgerEntries(h.db, [
      { season, participant: a!, task, points: 1000 },
      { season, participant: a!, task, points: -150, reason: "a deduction" },
      { season, participant: b!, points: 40 },
    ]);
    expect(rows.map((r) => [r.kind, r.difficulty, r.repositoryId])).toEqual([
      ["award", "hard", task.repositoryId],
      ["adjustment", "hard", task.repositoryId],
      ["award", null, null],
    ]);
    const totals = await h.db.select({ id: seasonTotals.participantId, points: seasonTotals.points, tasks: seasonTotals.tasks }).from(seasonTotals).where(eq(seasonTotals.seasonId, season.id));
    expect(totals.sort((x, y) => y.points - x.points)).toEqual([
      { id: a!.id, points: 850, tasks: 1 },
      { id: b!.id, points: 40, tasks: 0 },
    ]);
    expect((await h.db.select().from(participants).where(eq(participants.id, b!.id)))[0]?.login).toMatch(/^participant-\d+$/);
  });
});
