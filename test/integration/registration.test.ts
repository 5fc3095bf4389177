/**
 * Issue #16, item 7: registration from issues. Sign-up issues in the season's `registration` repository make teams
 * with members and join times, from the import and from `issues` webhooks; a new sign-up changes the registration
 * from its creation time; the season file's teams and a re-apply of the file leave them alone; the bot confirms
 * each sign-up once, or says what it could not read.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { participants, teamMembers, teams } from "@/db/schema";
import { startFakeGitHub, type FakeGitHub } from "@/demo/fake-github/server";
import type { FixtureIssue } from "@/demo/program/fixture";
import { applyDemoProgram } from "@/demo/program/seed";
import { createGitHubClient } from "@/lib/github/client";
import type { JobQueue } from "@/lib/jobs/queue";
import { getTeamRanking } from "@/lib/queries/teams";
import { seasonAsFile } from "@/lib/queries/season-as-file";
import { runSync } from "@/lib/sync/run-sync";
import { handleDelivery } from "@/lib/webhooks/handle-delivery";
import { smallProgram } from "../factories/program";
import { botCommentsPosted, startBotQueue, stopBotQueue } from "../harness/bot";
import { DRIVERS, freshDatabase } from "../harness/databases";

const DAY = 86_400_000;
const NOW = Date.now();
const base = NOW - 30 * DAY;
const at = (days: number) => new Date(base + days * DAY).toISOString().replace(/\.\d{3}Z$/, "Z");
const SIGNUP = "reg/signup";

const program = () => {
  const f = smallProgram({
    repo: "reg/app",
    logins: ["ann", "bob", "cat", "sam"],
    seasons: [{
      slug: "reg", name: "Registration", startsAt: new Date(base - DAY).toISOString().replace(/\.\d{3}Z$/, "+00:00"), endsAt: new Date(NOW + 60 * DAY).toISOString().replace(/\.\d{3}Z$/, "+00:00"),
      repos: ["reg/app"], taskLabels: ["cp"], difficulties: { easy: 100, medium: 300, hard: 1000 },
      teams: [{ name: "staff", members: ["sam"] }],
      registration: { repo: SIGNUP, titlePrefix: "Sign Up" },
    }],
    tasks: [{ number: 1, difficulty: "easy" }, { number: 2, difficulty: "easy" }],
    merges: [{ author: "ann", task: 1, mergedAt: at(5) }, { author: "bob", task: 2, mergedAt: at(20) }],
  });
  f.repos.push({ nameWithOwner: SIGNUP, databaseId: 9_200_001, description: "" });
  f.issues.push(signUp(1, "ann", at(10), "Team: duo\nMembers: @bob"), { ...signUp(2, "cat", at(11), "How do I sign up?"), title: "Question about teams" });
  return f;
};

function signUp(number: number, author: string, createdAt: string, body: string): FixtureIssue {
  // Edited an hour ago: recent enough to be answered (old sign-ups of a first import are not).
  return { repo: SIGNUP, number, title: `Sign Up: ${author}`, body, labels: [], state: "OPEN", author, createdAt, updatedAt: new Date(NOW - 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z"), closedAt: null };
}

describe.each(DRIVERS)("registration from issues on %s", (kind) => {
  let h: DbHandle;
  let fake: FakeGitHub;
  let queue: JobQueue;
  const client = () => createGitHubClient({ url: `${fake.url}/graphql`, token: "podium-bot", sleep: async () => {} });
  const sync = () => runSync(h.db, { client: client(), trigger: "test", season: "reg", botComments: "commands" });
  const issue = (n: number) => fake.fixture.issues.find((i) => i.repo === SIGNUP && i.number === n)!;
  const replies = (n: number) => (issue(n).comments ?? []).filter((c) => c.body.includes("<!-- podium:")).map((c) => c.body.split("\n")[0]);
  const deliver = (n: number, action: string, id: string) => handleDelivery(h.db, { deliveryId: id, event: "issues", payload: fake.webhooks.issuePayload(issue(n), action, fake.url), botComments: "commands" });
  const open = (i: FixtureIssue) => {
    fake.fixture.issues.push(i);
    fake.touch();
  };
  const team = async (name: string) => {
    const row = (await getTeamRanking(h.db, "reg"))!.find((t) => t.name === name);
    return row && { score: row.score, members: row.members.map((m) => `${m.login} ${m.points}`).sort() };
  };
  /** Each member's stretch in the team, in days from the program's start. */
  const stretches = async (name: string) => {
    const rows = await h.db
      .select({ login: participants.login, joinedAt: teamMembers.joinedAt, leftAt: teamMembers.leftAt })
      .from(teamMembers)
      .innerJoin(teams, eq(teams.id, teamMembers.teamId))
      .innerJoin(participants, eq(participants.id, teamMembers.participantId))
      .where(eq(teams.name, name));
    const day = (d: Date) => Math.round((d.getTime() - base) / DAY);
    return rows.map((r) => `${r.login} ${day(r.joinedAt)}-${r.leftAt ? day(r.leftAt) : ""}`).sort();
  };
  const settled = () => botCommentsPosted(h);

  beforeAll(async () => {
    fake = await startFakeGitHub({ fixture: program(), users: { "podium-bot": "podium-bot" } });
    h = await freshDatabase(kind);
    await applyDemoProgram(h.db, program());
    queue = await startBotQueue(h, client, fake.url);
  });
  afterAll(async () => {
    await stopBotQueue(queue);
    await h?.close();
    await fake?.close();
  });

  it("an import makes the sign-up's team; its points are its members' from the issue's creation; the bot confirms once", async () => {
    await sync();
    await settled();
    // bob's merge (day 20) is after the sign-up (day 10): the team's; ann's (day 5) is before: her own.
    expect(await team("duo")).toEqual({ score: 100, members: ["ann 0", "bob 100"] });
    expect(await stretches("duo")).toEqual(["ann 10-", "bob 10-"]);
    expect(await team("staff")).toEqual({ score: 0, members: ["sam 0"] });
    expect(replies(1)).toEqual(["@ann, you are registered as team **duo** with @ann, @bob, from when this issue was opened."]);
    expect(replies(2)).toEqual([]);
    await sync();
    await settled();
    expect(replies(1)).toHaveLength(1);
  });

  it("applying the season file again, or showing it, leaves the registered team alone", async () => {
    await applyDemoProgram(h.db, program());
    expect(await team("duo")).toEqual({ score: 100, members: ["ann 0", "bob 100"] });
    const shown = await seasonAsFile(h.db, "reg");
    expect(shown!.teams.map((t) => t.name)).toEqual(["staff"]);
    const sources = await h.db.select({ name: teams.name, source: teams.source }).from(teams).orderBy(teams.name);
    expect(sources).toEqual([{ name: "duo", source: "registration" }, { name: "staff", source: "file" }]);
  });

  it("closing the sign-up and opening a new one (by webhook) changes the team from the new issue's creation", async () => {
    Object.assign(issue(1), { state: "CLOSED", closedAt: at(15) });
    open(signUp(3, "ann", at(15), "Team: duo\nMembers: @cat"));
    expect((await deliver(3, "opened", "signup-3")).body).toMatchObject({ ok: true });
    // bob left on day 15, before his merge: it is his own again (the ranking still lists him as a former member).
    expect(await stretches("duo")).toEqual(["ann 10-", "bob 10-15", "cat 15-"]);
    expect(await team("duo")).toEqual({ score: 0, members: ["ann 0", "bob 0", "cat 0"] });
    await settled();
    expect(replies(3)).toEqual(["@ann, you are registered as team **duo** with @ann, @cat, from when this issue was opened."]);
    expect((await deliver(3, "opened", "signup-3")).body).toMatchObject({ duplicate: true });
    await sync();
    await settled();
    expect(replies(3)).toHaveLength(1);
    expect(await stretches("duo")).toEqual(["ann 10-", "bob 10-15", "cat 15-"]);
  });

  it("says what it could not read, and refuses a season-file team's name; the registration stays", async () => {
    open(signUp(4, "cat", at(16), "Members: @bob"));
    open(signUp(5, "bob", at(17), "Team: Staff\nMembers: @ann"));
    await deliver(4, "opened", "signup-4");
    await deliver(5, "opened", "signup-5");
    await settled();
    expect(replies(4)).toEqual(["@cat, I could not read this sign-up: there is a `Members:` line but no `Team: <name>` line. Edit this issue, or close it and open a new one, with `Team: <name>` and `Members: @login @login` lines. Until then your registration stays as it was."]);
    expect(replies(5)).toEqual(["@bob, I could not register this team: team Staff is a team of the season file. Choose another name, edit this issue or open a new one. Until then your registration stays as it was."]);
    expect(await stretches("duo")).toEqual(["ann 10-", "bob 10-15", "cat 15-"]);
    // Edited into a readable sign-up: answered again, for what it now says.
    Object.assign(issue(4), { body: "Team: cats\nMembers: @cat", updatedAt: new Date().toISOString() });
    await deliver(4, "edited", "signup-4-edit");
    await settled();
    expect(replies(4)[1]).toBe("@cat, you are registered as team **cats** with @cat, from when this issue was opened.");
    // cat's own sign-up (day 16) moves cat out of ann's team.
    expect(await stretches("duo")).toEqual(["ann 10-", "bob 10-15", "cat 15-16"]);
    expect(await stretches("cats")).toEqual(["cat 16-"]);
  });
});
