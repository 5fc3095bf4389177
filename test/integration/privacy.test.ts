import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { eq } from "drizzle-orm";
import { auditEvents, participants } from "@/db/schema";
import { ZLeaderboard, ZTeamLeaderboard } from "@/lib/api/schemas";
import { seedDemo } from "@/demo/program/seed";
import { runCommand } from "@/lib/commands/command";
import { setPrivacy } from "@/lib/commands/set-privacy";
import { getLeaderboard } from "@/lib/queries/leaderboard";
import { getTeamRanking } from "@/lib/queries/teams";
import { anonymized } from "@/lib/participants/privacy";
import type { Viewer } from "@/lib/auth/permissions";
import { DRIVERS, freshDatabase } from "../harness/databases";

const state = vi.hoisted(() => ({ handle: null as DbHandle | null }));
vi.mock("@/db", () => ({ getDb: async () => state.handle!.db, getDatabase: async () => state.handle! }));

const leaderboard = await import("@/app/api/seasons/[slug]/leaderboard/route");
const csv = await import("@/app/api/seasons/[slug]/leaderboard.csv/route");
const participant = await import("@/app/api/participants/[login]/route");
const pulls = await import("@/app/api/participants/[login]/pulls/route");
const badge = await import("@/app/api/participants/[login]/badge.svg/route");

const req = (path: string) => new Request(`http://podium.test${path}`);
const slugParams = (slug: string) => ({ params: Promise.resolve({ slug }) });
const loginParams = (login: string) => ({ params: Promise.resolve({ login }) });
const viewer = (login: string, isAdmin = false): Viewer => ({ userId: `u-${login}`, participantId: null, login, isAdmin, maintainerOf: [] });
const SEASON = "2020-s2";

describe.each(DRIVERS)("a participant hidden from public rankings and the API, on %s (#19)", (kind) => {
  let hiddenLogin = "";
  let before: { rank: number | null; score: number; tasks: number; position: number };

  beforeAll(async () => {
    state.handle = await freshDatabase(kind);
    await seedDemo(state.handle.db);
    // The season's second row (not the first: a rank of 1 could be right by accident).
    const board = await getLeaderboard(state.handle.db, { slug: SEASON, limit: 5, offset: 0 });
    const row = board!.entries[1]!;
    hiddenLogin = row.login;
    before = { rank: row.rank, score: row.score, tasks: row.tasks, position: 1 };
  });
  afterAll(async () => {
    await state.handle?.close();
  });

  it("only the participant themself, or an admin, may change the setting; it is audited", async () => {
    const db = state.handle!.db;
    await expect(runCommand(db, setPrivacy, viewer("someone-else"), { login: hiddenLogin, hidden: "true" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(runCommand(db, setPrivacy, viewer(hiddenLogin.toUpperCase()), { login: hiddenLogin, hidden: "maybe" })).rejects.toMatchObject({ code: "INVALID", fields: { hidden: expect.any(String) } });
    const [p] = await db.select({ hidden: participants.hidden }).from(participants).where(eq(participants.login, hiddenLogin));
    expect(p!.hidden).toBe(false);
    expect(await runCommand(db, setPrivacy, viewer(hiddenLogin.toUpperCase()), { login: hiddenLogin, hidden: "true" })).toEqual({ login: hiddenLogin, hidden: true });
    const events = await db.select({ after: auditEvents.after }).from(auditEvents).where(eq(auditEvents.action, "participant.privacy"));
    expect(events).toEqual([{ after: { participant: hiddenLogin, hidden: true } }]);
  });

  it("the leaderboard JSON and CSV keep the row's rank and points, without login, name or team", async () => {
    const body = ZLeaderboard.parse(await (await leaderboard.GET(req(`/api/seasons/${SEASON}/leaderboard?limit=5`), slugParams(SEASON))).json());
    const row = body.entries[before.position]!;
    expect(row).toMatchObject({ login: null, name: null, avatarUrl: null, team: null, rank: before.rank, score: before.score, tasks: before.tasks });
    expect(body.entries.filter((e) => e.login === null)).toHaveLength(1);
    const text = await (await csv.GET(req(`/api/seasons/${SEASON}/leaderboard.csv?limit=5`), slugParams(SEASON))).text();
    expect(text.toLowerCase()).not.toContain(hiddenLogin.toLowerCase());
    expect(text.split("\r\n")[before.position + 1]).toMatch(new RegExp(`^${before.rank},,a participant,${before.score},${before.tasks},`));
  });

  it("the participant's own endpoints answer 404, as for an unknown login", async () => {
    expect((await participant.GET(req(`/api/participants/${hiddenLogin}`), loginParams(hiddenLogin))).status).toBe(404);
    expect((await pulls.GET(req(`/api/participants/${hiddenLogin}/pulls?season=${SEASON}`), loginParams(hiddenLogin))).status).toBe(404);
    expect((await badge.GET(req(`/api/participants/${hiddenLogin}/badge.svg`), loginParams(hiddenLogin))).status).toBe(404);
  });

  it("the ranking's read anonymizes for the public and other participants; admins and the participant see them", async () => {
    const board = await getLeaderboard(state.handle!.db, { slug: SEASON, limit: 5, offset: 0 });
    const row = board!.entries[before.position]!;
    expect(row.hidden).toBe(true);
    expect(anonymized(row, null)).toMatchObject({ login: null, name: null, rank: before.rank, score: before.score });
    expect(anonymized(row, viewer("someone-else")).login).toBeNull();
    expect(anonymized(row, viewer("cp-organizer", true)).login).toBe(hiddenLogin);
    expect(anonymized(row, viewer(hiddenLogin)).login).toBe(hiddenLogin);
  });

  it("a hidden team member is left out of the team ranking's public members; shown again, the API names them", async () => {
    const db = state.handle!.db;
    const team = (await getTeamRanking(db, SEASON))!.find((t) => t.members.length > 0)!;
    const member = team.members[0]!.login;
    await runCommand(db, setPrivacy, viewer("cp-organizer", true), { login: member, hidden: true });
    const teams = async () => ZTeamLeaderboard.parse(await (await leaderboard.GET(req(`/api/seasons/${SEASON}/leaderboard?view=teams&limit=100`), slugParams(SEASON))).json());
    const hiddenView = (await teams()).entries.find((t) => t.team === team.name)!;
    expect(hiddenView.members).toEqual(team.members.map((m) => m.login).filter((l) => l !== member));
    expect(hiddenView.score).toBe(team.score);
    await runCommand(db, setPrivacy, viewer(hiddenLogin), { login: hiddenLogin, hidden: false });
    await runCommand(db, setPrivacy, viewer("cp-organizer", true), { login: member, hidden: false });
    expect((await participant.GET(req(`/api/participants/${hiddenLogin}`), loginParams(hiddenLogin))).status).toBe(200);
    expect((await teams()).entries.find((t) => t.team === team.name)!.members).toEqual(team.members.map((m) => m.login));
  });
});
