import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { DRIVERS, freshDatabase } from "../harness/databases";
import { createParticipant, createPullRequest, createSeason, createTask } from "../factories/db";

const state = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/db", () => ({ getDb: async () => state.db }));
const { GET } = await import("@/app/api/participants/[login]/pulls/route");
const { pullOutcomes } = await import("@/lib/queries/participant-pulls");
const call = async (login: string, query: string) => {
  const res = await GET(new Request(`http://podium.test/api/participants/${login}/pulls${query}`), { params: Promise.resolve({ login }) });
  return { status: res.status, body: (await res.json()) as { pulls?: { number: number; outcome: string; points: number; detail: string; task: string | null }[]; error?: string } };
};

describe.each(DRIVERS)("GET /api/participants/{login}/pulls on %s", (kind) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(kind);
    state.db = h.db;
    // Easy tasks pay 100; easy points are capped at 100 for the season.
    const season = await createSeason(h.db, { slug: "pulls", repos: ["pulls/app"], startsAt: "2020-03-01T00:00:00Z", endsAt: "2020-06-01T00:00:00Z", rules: { caps: [{ difficulty: "easy", max: 100 }] } });
    const ann = await createParticipant(h.db, { login: "ann" });
    const [t1, t2, t6] = [await createTask(h.db, { season, number: 1, difficulty: "easy" }), await createTask(h.db, { season, number: 2, difficulty: "easy" }), await createTask(h.db, { season, number: 6, difficulty: "easy" })];
    await createPullRequest(h.db, { repo: "pulls/app", number: 101, author: ann!, closes: t1, mergedAt: "2020-04-01T00:00:00Z" });
    await createPullRequest(h.db, { repo: "pulls/app", number: 102, author: ann!, closes: t2, mergedAt: "2020-04-02T00:00:00Z" });
    await createPullRequest(h.db, { repo: "pulls/app", number: 103, author: ann!, body: "Fixes #77", mergedAt: "2020-04-03T00:00:00Z" });
    await createPullRequest(h.db, { repo: "pulls/app", number: 104, author: ann!, body: "a tidy-up", mergedAt: "2020-04-04T00:00:00Z" });
    await createPullRequest(h.db, { repo: "pulls/app", number: 106, author: ann!, closes: t6 });
    taskTwo = t2.id;
  });
  let taskTwo = 0;
  afterAll(async () => h.close());

  it("gives every pull request its outcome in plain words; the points add up to the season total", async () => {
    const { status, body } = await call("ann", "?season=pulls");
    expect(status).toBe(200);
    const byNumber = Object.fromEntries(body.pulls!.map((p) => [p.number, p]));
    expect(byNumber[101]).toMatchObject({ outcome: "scored", points: 100, task: "pulls/app#1", detail: "Earned 100 points for pulls/app#1." });
    expect(byNumber[102]).toMatchObject({ outcome: "capped", points: 0, task: "pulls/app#2" });
    expect(byNumber[102]!.detail).toMatch(/caps/);
    expect(byNumber[103]).toMatchObject({ outcome: "not-a-task", points: 0, detail: "References an issue that is not a task of this season; a maintainer may mark it as one." });
    expect(byNumber[104]).toMatchObject({ outcome: "no-task", points: 0 });
    expect(byNumber[106]).toMatchObject({ outcome: "pending", points: 0, detail: "Still open: it is scored when it is merged." });
    // The season total is 100 (one easy task; the cap holds the second): the sum of the PRs' points.
    expect(body.pulls!.reduce((n, p) => n + p.points, 0)).toBe(100);
    const unscored = await call("ann", "?season=pulls&outcome=unscored");
    expect(unscored.body.pulls!.map((p) => p.number).sort()).toEqual([102, 103, 104, 106]);
  });

  it("the task page reads the outcomes of the pull requests linked to one task, in the same words", async () => {
    const rows = await pullOutcomes(h.db, "pulls", { taskId: taskTwo });
    expect(rows!.map((r) => [r.number, r.outcome, r.points])).toEqual([[102, "capped", 0]]);
    expect(rows![0]!.detail).toBe((await call("ann", "?season=pulls")).body.pulls!.find((p) => p.number === 102)!.detail);
  });

  it("answers bad parameters with 400 and the reason, unknown ones with 404", async () => {
    expect(await call("ann", "")).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^season: /) } });
    expect(await call("ann", "?season=Bad_Slug")).toMatchObject({ status: 400, body: { error: "season: expected a season slug" } });
    expect(await call("ann", "?season=pulls&outcome=maybe")).toMatchObject({ status: 400, body: { error: "outcome: expected all or unscored" } });
    expect(await call("ann", "?season=pulls&x=1")).toMatchObject({ status: 400, body: { error: "unknown parameter: x" } });
    expect((await call("nobody-here", "?season=pulls")).status).toBe(404);
    expect((await call("ann", "?season=no-such")).status).toBe(404);
  });
});
