/**
 * The authorization matrix against the running server: every mutating server action × every kind of user,
 * called over HTTP as the browser calls it (a `Next-Action` POST with React's multipart encoding and the
 * session cookie). Who may do what comes from the table the integration test also checks
 * (test/authz-matrix.ts). Refused calls write nothing; allowed calls write an audit event.
 *
 * Other specs run in parallel on the same database, so this one acts only on rows it owns: its own
 * season (`e2e-authz`, running until 2099 so tasks can be picked up), repositories, participants and roles.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { COOKIE_ONLY_WHEN_ANONYMOUS, EXPECTED, matrixGaps, MUTATING_ACTIONS, WHAT_IF_ACTIONS, WHO, type MutatingAction, type Outcome, type Who } from "../test/authz-matrix";
import { eq, inArray } from "drizzle-orm";
import { appeals, repositories, seasons, type Participant } from "@/db/schema";
import { runCommand } from "@/lib/commands/command";
import { grantRole, revokeRole } from "@/lib/commands/manage-roles";
import { markTask } from "@/lib/commands/mark-task";
import { requestRedemption } from "@/lib/commands/request-redemption";
import { createLedgerEntries, createParticipant, createPullRequest, createSeason, createTask } from "../test/factories/db";
import { startUniqueAt } from "../test/factories/github";
import { createGift, createWalletCredits } from "../test/factories/wallet";
import { e2eDb, e2eDrizzle, SESSION_COOKIE, sessionTokenFor } from "./fixtures";

const SEASON = "e2e-authz";
const THIS_REPO = "e2e-authz/this";
const OTHER_REPO = "e2e-authz/other";
const LOGINS: Record<Exclude<Who, "anonymous">, string> = {
  participant: "e2e-authz-participant",
  "maintainer of another repo": "e2e-authz-maint-other",
  "maintainer of this repo": "e2e-authz-maint-this",
  admin: "e2e-authz-admin",
};
/** Authors the pull request points are awarded on; receives a role; loses one. */
const AUTHOR = "e2e-authz-author";
const GRANTEE = "e2e-authz-grantee";
const REVOKEE = "e2e-authz-revokee";
/** A slug of this worker's own: saving it twice would change nothing (and audit nothing) the second time. */
const SAVED_SEASON = `e2e-authz-saved-${Date.now().toString(36)}`;
/** A season long over, which the admin finalizes and then reopens (a fresh one per run). */
const ENDED_SEASON = `e2e-authz-ended-${Date.now().toString(36)}`;
/** The actions that act on tasks: one task each per kind of user. */
const TASK_BLOCKS = ["score", "perPr", "assign", "pickUp", "giveUp", "csrf", "mark", "unmark"] as const;
type TaskBlock = (typeof TASK_BLOCKS)[number];
/** The shop's own: a final season (with a team whose credit shares are set), a gift name of this worker's own. */
const FINAL_SEASON = "e2e-authz-final";
const SAVED_GIFT = `e2e-authz gift ${Date.now().toString(36)}`;

type Targets = {
  seasonId: number;
  repoIds: number[];
  participantIds: number[];
  tasks: Record<TaskBlock, number[]>;
  /** The issue numbers of the "mark" block's tasks (marking names an issue, not a task id). */
  markNumbers: number[];
  pr: number;
  entries: number[];
  /** One open appeal per kind of user, each on a pull request of its own. */
  appeals: number[];
  gift: number;
  redemption: number;
};
type ActionResult = { ok: boolean; code?: string };

/**
 * Seeds what this spec acts on, with the test factories. Safe to run again (e.g. when a worker restarts after a
 * failure): the season, participants and roles are brought back to this state, and the tasks, the pull request
 * and its ledger entries are new ones (numbers from a block of this seeding's own), untouched by earlier tests.
 */
async function seed(): Promise<Targets> {
  const h = await e2eDrizzle();
  try {
    const db = h.db;
    startUniqueAt(1_000 * (Date.now() % 1_000_000));
    const people = new Map<string, Participant>();
    for (const [i, login] of [...Object.values(LOGINS), AUTHOR, GRANTEE, REVOKEE].entries()) {
      people.set(login, await createParticipant(db, { githubId: 9_600_000 + i, login, name: login }));
    }
    const person = (login: string) => people.get(login)!;
    // Maintainers come from the season file; the admin and the grantee's reset from the operator's commands.
    const season = await createSeason(db, {
      slug: SEASON,
      name: "Authorization Season",
      startsAt: "2024-01-01T00:00:00Z",
      endsAt: "2099-01-01T00:00:00Z",
      repos: [THIS_REPO, OTHER_REPO],
      difficulties: { easy: 100, medium: 300, hard: 1000 },
      maintainers: { [THIS_REPO]: [LOGINS["maintainer of this repo"]], [OTHER_REPO]: [LOGINS["maintainer of another repo"], REVOKEE] },
    });
    await createSeason(db, { slug: ENDED_SEASON, name: "Ended Season", startsAt: "2020-01-01T00:00:00Z", endsAt: "2020-02-01T00:00:00Z", repos: [OTHER_REPO] });
    await runCommand(db, grantRole, "operator", { login: LOGINS.admin, role: "admin" });
    await runCommand(db, revokeRole, "operator", { login: GRANTEE, role: "maintainer", repo: THIS_REPO });

    const tasks = {} as Record<TaskBlock, number[]>;
    const markNumbers: number[] = [];
    for (const block of TASK_BLOCKS) {
      tasks[block] = [];
      for (const who of WHO) {
        // The give-up tasks are held by the user who gives them up (the anonymous one by the participant).
        const holder = block === "giveUp" ? person(LOGINS[who === "anonymous" ? "participant" : who]) : undefined;
        const task = await createTask(db, { season, repo: THIS_REPO, title: `${block} task for the ${who}`, difficulty: "easy", pickedUpBy: holder });
        tasks[block].push(task.id);
        if (block === "mark") markNumbers.push(task.number);
        // The unmark block's tasks were marked by a maintainer (the operator here).
        if (block === "unmark") await runCommand(db, markTask, "operator", { season: SEASON, repo: THIS_REPO, number: task.number, kind: "task", reason: "seeded mark" });
      }
    }
    const pr = await createPullRequest(db, { repo: THIS_REPO, title: "a pull request worth points", author: person(AUTHOR), mergedAt: "2024-06-01T00:00:00Z" });
    const entries = await createLedgerEntries(
      db,
      WHO.map(() => ({ season, participant: person(AUTHOR), pullRequest: pr, points: 100, kind: "award" as const, reason: "seeded for the authorization matrix", occurredAt: new Date("2024-06-01T00:00:00Z") })),
    );
    const final = await createSeason(db, {
      slug: FINAL_SEASON,
      name: "Authorization Final Season",
      // Far ahead, so no season follows it and its credits do not expire.
      startsAt: "2098-01-01T00:00:00Z",
      endsAt: "2098-03-01T00:00:00Z",
      repos: [THIS_REPO],
      difficulties: { easy: 100 },
      teams: [{ name: "e2e-authz-team", members: [AUTHOR, GRANTEE] }],
    });
    const [finalRow] = await db.update(seasons).set({ finalizedAt: new Date("2098-03-02T00:00:00Z") }).where(eq(seasons.id, final.id)).returning();
    const gift = await createGift(db, { name: `e2e-authz sticker ${Date.now().toString(36)}`, cost: 10, stock: 50 });
    for (const login of Object.values(LOGINS)) await createWalletCredits(db, { participant: person(login), season: finalRow!, credits: 100 });
    const participantViewer = { userId: "seed", participantId: person(LOGINS.participant).id, login: LOGINS.participant, isAdmin: false, maintainerOf: [] };
    const { redemptionId } = await runCommand(db, requestRedemption, participantViewer, { giftId: gift.id });
    const repos = await db.select().from(repositories).where(inArray(repositories.fullName, [THIS_REPO, OTHER_REPO]));
    const repoIds = [THIS_REPO, OTHER_REPO].map((name) => repos.find((r) => r.fullName === name)!.id);
    const appealIds: number[] = [];
    for (const who of WHO) {
      const disputed = await createPullRequest(db, { repo: THIS_REPO, title: `a disputed pull request of the ${who}'s block`, author: person(AUTHOR), mergedAt: "2024-06-02T00:00:00Z" });
      const [row] = await db.insert(appeals).values({ seasonId: season.id, pullRequestId: disputed.id, participantId: person(AUTHOR).id, message: "seeded for the authorization matrix" }).returning({ id: appeals.id });
      appealIds.push(row!.id);
    }
    return { seasonId: season.id, repoIds, participantIds: [...people.values()].map((p) => p.id), tasks, markNumbers, pr: pr.id, entries: entries.map((e) => e.id), appeals: appealIds, gift: gift.id, redemption: redemptionId };
  } finally {
    await h.close();
  }
}

/** Everything of this spec's own that an action could change. */
async function snapshot(t: Targets) {
  const sql = e2eDb();
  try {
    const [counts] = await sql<{ entries: number; audit: number; roles: number; seasons: number; appeals: string }[]>`
      select
        (select count(*) from score_entries e join seasons s on s.id = e.season_id where s.slug like 'e2e-authz%')::int as entries,
        (select count(*) from audit_events a where a.actor_id = any(${t.participantIds}) or a.season_id in (select id from seasons where slug like 'e2e-authz%')
          or a.task_id in (select id from tasks where season_id = ${t.seasonId}) or a.pull_request_id = ${t.pr}
          or coalesce(a.after::text, '') like '%e2e-authz%' or coalesce(a.before::text, '') like '%e2e-authz%')::int as audit,
        (select count(*) from roles where participant_id = any(${t.participantIds}) or repository_id = any(${t.repoIds}))::int as roles,
        (select count(*) from seasons where slug like 'e2e-authz%')::int as seasons,
        (select coalesce(string_agg(id || ':' || status, ',' order by id), '') from appeals where season_id = ${t.seasonId}) as appeals`;
    const tasks = await sql`select id, score, score_source, per_pr, state, picked_up_by_id from tasks where season_id = ${t.seasonId} order by id`;
    return { ...counts!, tasks: tasks.map((r) => ({ ...r })) };
  } finally {
    await sql.end();
  }
}

/** The server action ids of this build, by file name in app/_actions, with a page that uses each. */
function actionIds(): Map<string, { id: string; page: string }> {
  const file = path.join(".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { node: Record<string, { filename?: string; workers: Record<string, unknown> }> };
  const ids = new Map<string, { id: string; page: string }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    const m = /^app\/_actions\/([\w-]+)\.ts$/.exec(entry.filename ?? "");
    // An action of the root layout (the header's language switch) is in every page's worker: not the 404 page's.
    const workers = Object.keys(entry.workers);
    const page = workers.find((w) => !w.startsWith("app/_not-found")) ?? workers[0];
    if (m?.[1] && page) ids.set(m[1], { id, page });
  }
  return ids;
}

/** A page of the app that renders the action's form (its route, with this spec's own parameters). */
const pagePath = (workerPage: string, t: Targets) =>
  workerPage
    .replace(/^app/, "")
    .replace(/\/page$/, "")
    .replace("[slug]", SEASON)
    .replace("[login]", LOGINS.participant)
    .replace("[id]", String(t.tasks.score[0])) || "/";

/** The form fields each action is called with, as its form in the UI would send them. */
const FORMS: Record<MutatingAction, (t: Targets, i: number) => Record<string, string>> = {
  "set-task-score": (t, i) => ({ taskId: String(t.tasks.score[i]), score: "777", reason: "bigger than it looked" }),
  "set-task-per-pr": (t, i) => ({ taskId: String(t.tasks.perPr[i]), perPr: "true", reason: "umbrella issue" }),
  "assign-task": (t, i) => ({ taskId: String(t.tasks.assign[i]), login: LOGINS.participant, reason: "" }),
  "award-points": (t) => ({ season: SEASON, pullRequestId: String(t.pr), points: "50", reason: "great tests" }),
  "revoke-entry": (t, i) => ({ entryId: String(t.entries[i]), reason: "duplicate" }),
  "grant-role": () => ({ login: GRANTEE, role: "maintainer", repo: THIS_REPO }),
  "pick-up-task": (t, i) => ({ taskId: String(t.tasks.pickUp[i]) }),
  "give-up-task": (t, i) => ({ taskId: String(t.tasks.giveUp[i]) }),
  "save-season": () => ({
    json: JSON.stringify({ slug: SAVED_SEASON, name: "Saved Season", startsAt: "2023-03-01T00:00:00+08:00", endsAt: "2023-05-30T00:00:00+08:00", repos: [THIS_REPO], difficulties: { easy: 100 } }),
  }),
  "preview-season": () => ({
    json: JSON.stringify({ slug: "previewed-season", name: "Previewed Season", startsAt: "2023-06-01T00:00:00+08:00", endsAt: "2023-08-30T00:00:00+08:00", repos: [THIS_REPO], difficulties: { easy: 100 } }),
  }),
  "open-appeal": (t) => ({ season: SEASON, pullRequestId: String(t.pr), message: "please look at this one again" }),
  "answer-appeal": (t, i) => ({ appealId: String(t.appeals[i]), decision: "decline", reason: "it completes no task" }),
  "revoke-role": () => ({ login: REVOKEE, role: "maintainer", repo: OTHER_REPO }),
  "finalize-season": () => ({ slug: ENDED_SEASON }),
  "reopen-season": () => ({ slug: ENDED_SEASON, reason: "reopened by the matrix" }),
  "mark-task": (t, i) => ({ season: SEASON, repo: THIS_REPO, number: String(t.markNumbers[i]), kind: "umbrella", points: "40", difficulty: "", reason: "an umbrella issue" }),
  "unmark-task": (t, i) => ({ taskId: String(t.tasks.unmark[i]), reason: "marked by mistake" }),
  "save-gift": () => ({ name: SAVED_GIFT, cost: "50", stock: "3", pictureUrl: "https://example.org/gift.png", active: "true" }),
  "request-redemption": (t) => ({ giftId: String(t.gift), note: "" }),
  "review-redemption": (t) => ({ redemptionId: String(t.redemption), decision: "approve", reason: "" }),
  "issue-credits": () => ({ season: FINAL_SEASON }),
  "set-credit-shares": () => ({ season: FINAL_SEASON, team: "e2e-authz-team", shares: "" }),
  "waive-gate": (t, i) => ({ taskId: String(t.tasks.score[i]), login: LOGINS.participant, reason: "knows this code well" }),
  "set-privacy": (_t, i) => ({ login: LOGINS.participant, hidden: i === WHO.indexOf("admin") ? "false" : "true" }),
  "set-locale": () => ({ locale: "en" }),
  "set-theme": () => ({ theme: "dark" }),
};

/**
 * The body React sends for a `useActionState` form (arguments `[prevState, formData]`): the form's fields
 * under the prefix `_1_` (FormData reference 1), then field `0`, the arguments `[null,"$K1"]`. The order
 * matters: the server decodes the arguments when field `0` arrives, so the fields must come first (which
 * is why this is a FormData and not an object: integer-like keys such as "0" would sort first).
 */
function actionBody(fields: Record<string, string>): FormData {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(`_1_${k}`, v);
  body.append("0", JSON.stringify([null, "$K1"]));
  return body;
}

/** The action's return value in the RSC response (the row holding `{ ok, … }`). */
function actionResult(body: string): ActionResult | undefined {
  for (const line of body.split("\n")) {
    const m = /^[0-9a-f]+:(\{.*\})$/.exec(line.trim());
    if (!m?.[1]) continue;
    try {
      const value: unknown = JSON.parse(m[1]);
      if (value && typeof value === "object" && "ok" in value && typeof value.ok === "boolean") {
        return { ok: value.ok, code: "code" in value && typeof value.code === "string" ? value.code : undefined };
      }
    } catch {
      // Not a JSON row.
    }
  }
  return undefined;
}

type Call = { action: MutatingAction; fields: Record<string, string>; token: string | null; headers?: Record<string, string> };

async function callAction(request: APIRequestContext, baseURL: string, t: Targets, call: Call) {
  const ref = actionIds().get(call.action);
  if (!ref) throw new Error(`no server action id for ${call.action} in this build`);
  const res = await request.post(pagePath(ref.page, t), {
    headers: {
      "Next-Action": ref.id,
      Accept: "text/x-component",
      Origin: new URL(baseURL).origin,
      ...(call.token ? { Cookie: `${SESSION_COOKIE}=${call.token}` } : {}),
      ...call.headers,
    },
    multipart: actionBody(call.fields),
    maxRedirects: 0,
  });
  const text = await res.text();
  return { status: res.status(), text, result: actionResult(text) };
}

let targets: Targets;
const tokens = new Map<Who, string | null>();

test.beforeAll(async () => {
  targets = await seed();
  tokens.set("anonymous", null);
  for (const who of WHO) if (who !== "anonymous") tokens.set(who, await sessionTokenFor(LOGINS[who]));
});

test("every server action that changes data has a row in the shared matrix, and an id in this build", () => {
  expect(matrixGaps()).toEqual({ missingRows: [], missingFiles: [] });
  const ids = actionIds();
  for (const action of MUTATING_ACTIONS) expect(ids.has(action), `${action} has a server action id`).toBe(true);
});

for (const action of MUTATING_ACTIONS) {
  for (const [i, who] of WHO.entries()) {
    const expected: Outcome = EXPECTED[action][who];
    test(`${action} as ${who} over HTTP: ${expected}`, async ({ request, baseURL }) => {
      const before = await snapshot(targets);
      const { status, text, result } = await callAction(request, baseURL!, targets, { action, fields: FORMS[action](targets, i), token: tokens.get(who) ?? null });
      expect(status, text.slice(0, 500)).toBe(200);
      const after = await snapshot(targets);
      if (expected === "ok") {
        expect(result, text.slice(0, 500)).toEqual({ ok: true, code: undefined });
        if (WHAT_IF_ACTIONS.has(action) || (who === "anonymous" && COOKIE_ONLY_WHEN_ANONYMOUS.has(action))) expect(after).toEqual(before);
        else expect(after.audit).toBeGreaterThan(before.audit);
      } else {
        expect(result, text.slice(0, 500)).toEqual({ ok: false, code: expected });
        expect(after).toEqual(before);
      }
    });
  }
}

/**
 * A server action whose Origin is not the host it was sent to (the Host, or X-Forwarded-Host when set) is
 * refused, with a 403 from proxy.ts (by Next's own rule): a cross-site page's request carries the victim's
 * cookie but the page's own Origin.
 */
test.describe("a forged origin is refused before the action runs", () => {
  const fields = (score: number) => ({ taskId: String(targets.tasks.csrf[0]), score: String(score), reason: "cross-site attempt" });

  for (const [name, headers] of [
    ["Origin: http://evil.example", { Origin: "http://evil.example" }],
    ["Origin: null (a sandboxed frame)", { Origin: "null" }],
    ["X-Forwarded-Host other than the Origin", { "X-Forwarded-Host": "evil.example" }],
    ["Host other than the Origin", { Host: "evil.example" }],
  ] as const) {
    test(`${name}: refused, nothing written`, async ({ request, baseURL }) => {
      const before = await snapshot(targets);
      const res = await callAction(request, baseURL!, targets, { action: "set-task-score", fields: fields(1234), token: tokens.get("admin") ?? null, headers });
      // proxy.ts refuses it by Next's own rule with a 403 (Next itself would answer 500 with a digest).
      expect(res.status, res.text.slice(0, 500)).toBe(403);
      expect(JSON.parse(res.text)).toEqual({ error: expect.stringMatching(/^forbidden: .*Origin does not match the host/) });
      expect(res.result).toBeUndefined();
      expect(await snapshot(targets)).toEqual(before);
    });
  }

  test("the same request from the app's own origin succeeds", async ({ request, baseURL }) => {
    const before = await snapshot(targets);
    const res = await callAction(request, baseURL!, targets, { action: "set-task-score", fields: fields(1234), token: tokens.get("admin") ?? null });
    expect(res.status).toBe(200);
    expect(res.result).toEqual({ ok: true, code: undefined });
    const after = await snapshot(targets);
    expect(after.audit).toBe(before.audit + 1);
    expect(after.tasks.find((task) => task.id === targets.tasks.csrf[0])).toMatchObject({ score: 1234, score_source: "override" });
  });

  test("a request with no Origin (not a browser's) reaches the action, where the session decides", async ({ request }) => {
    const ref = actionIds().get("set-task-score")!;
    const before = await snapshot(targets);
    const res = await request.post(pagePath(ref.page, targets), {
      headers: { "Next-Action": ref.id, Accept: "text/x-component" },
      multipart: actionBody({ taskId: String(targets.tasks.csrf[1]), score: "4321", reason: "no origin at all" }),
    });
    expect(res.status()).toBe(200);
    expect(actionResult(await res.text())).toEqual({ ok: false, code: "UNAUTHENTICATED" });
    expect(await snapshot(targets)).toEqual(before);
  });
});
