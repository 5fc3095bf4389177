/**
 * `GET /api/seasons/{slug}/tasks?state=&repo=` (contract, second round): every active task with its state, holder,
 * pick time and whether it is an umbrella; a hidden holder (#19) is not named; bad parameters are a 400 naming them.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { participants, tasks } from "@/db/schema";
import { startFakeGitHub, type FakeGitHub } from "@/demo/fake-github/server";
import { applyDemoProgram } from "@/demo/program/seed";
import { ZTaskEntry } from "@/lib/api/schemas";
import { createGitHubClient } from "@/lib/github/client";
import { ensureParticipantsByLogin } from "@/lib/participants/ensure-by-login";
import { runSync } from "@/lib/sync/run-sync";
import { smallProgram } from "../factories/program";
import { DRIVERS, freshDatabase } from "../harness/databases";

const state = vi.hoisted(() => ({ handle: null as DbHandle | null }));
vi.mock("@/db", () => ({ getDb: async () => state.handle!.db, getDatabase: async () => state.handle! }));
const route = await import("@/app/api/seasons/[slug]/tasks/route");

const program = () =>
  smallProgram({
    repo: "api/app",
    logins: ["ann", "bob"],
    seasons: [{ slug: "api", name: "API", startsAt: "2026-01-01T00:00:00+00:00", endsAt: "2027-12-31T00:00:00+00:00", repos: ["api/app"], taskLabels: ["cp"], difficulties: { easy: 100, medium: 300, hard: 1000 } }],
    tasks: [{ number: 1, difficulty: "easy" }, { number: 2, difficulty: "medium" }, { number: 3, difficulty: "hard" }],
    merges: [{ author: "ann", task: 1, mergedAt: "2026-03-01T00:00:00Z" }],
  });

const get = async (query: string, slug = "api") => {
  const res = await route.GET(new Request(`http://podium.test/api/seasons/${slug}/tasks${query}`), { params: Promise.resolve({ slug }) });
  return { status: res.status, body: (await res.json()) as { tasks?: unknown[]; error?: string }, cache: res.headers.get("cache-control") };
};

describe.each(DRIVERS)("GET /api/seasons/{slug}/tasks on %s", (kind) => {
  let fake: FakeGitHub;
  beforeAll(async () => {
    fake = await startFakeGitHub({ fixture: program() });
    state.handle = await freshDatabase(kind);
    const db = state.handle.db;
    await applyDemoProgram(db, program());
    await runSync(db, { client: createGitHubClient({ url: `${fake.url}/graphql`, token: "t", sleep: async () => {} }), trigger: "test", season: "api" });
    const bob = (await ensureParticipantsByLogin(db, ["bob"])).get("bob")!;
    await db.update(tasks).set({ state: "picked", pickedUpById: bob, pickedUpAt: new Date("2026-04-01T08:00:00Z") }).where(eq(tasks.number, 2));
  });
  afterAll(async () => {
    await state.handle?.close();
    await fake?.close();
  });

  it("lists every task, open first, with its state, holder and pick time", async () => {
    const r = await get("");
    expect(r.status).toBe(200);
    expect(r.cache).toMatch(/public/);
    const rows = r.body.tasks!.map((t) => ZTaskEntry.parse(t));
    expect(rows.map((t) => [t.number, t.difficulty, t.score, t.state, t.holder, t.pickedAt, t.umbrella])).toEqual([
      [3, "hard", 1000, "open", null, null, false],
      [2, "medium", 300, "picked", "bob", "2026-04-01T08:00:00.000Z", false],
      [1, "easy", 100, "completed", null, null, false],
    ]);
    expect(rows[0]).toMatchObject({ repo: "api/app", title: "Task 3" });
  });

  it("filters by state and repository", async () => {
    expect((await get("?state=picked")).body.tasks).toHaveLength(1);
    expect((await get("?state=completed&repo=API/app")).body.tasks).toHaveLength(1);
    expect((await get("?repo=other/repo")).body.tasks).toEqual([]);
  });

  it("does not name a holder who hid themselves", async () => {
    await state.handle!.db.update(participants).set({ hidden: true }).where(eq(participants.login, "bob"));
    const picked = (await get("?state=picked")).body.tasks![0];
    expect(picked).toMatchObject({ number: 2, state: "picked", holder: null });
    await state.handle!.db.update(participants).set({ hidden: false }).where(eq(participants.login, "bob"));
  });

  it("answers bad parameters with a 400 naming them, an unknown season with a 404", async () => {
    expect(await get("?state=done")).toMatchObject({ status: 400, body: { error: "state: expected open, picked or completed" } });
    expect(await get("?repo=nope")).toMatchObject({ status: 400, body: { error: "repo: expected owner/name" } });
    expect(await get("?limit=5")).toMatchObject({ status: 400, body: { error: "unknown parameter: limit" } });
    expect(await get("", "no-such-season")).toMatchObject({ status: 404, body: { error: "unknown season: no-such-season" } });
  });
});
