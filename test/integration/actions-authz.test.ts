import { and, asc, between, count, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { appeals, auditEvents, participants, pullRequests, repositories, roles, scoreEntries, seasons, tasks, type Task } from "@/db/schema";
import type { Viewer } from "@/lib/auth/permissions";
import { seedDemo } from "@/demo/program/seed";
import { COOKIE_ONLY_WHEN_ANONYMOUS, EXPECTED, matrixGaps, MUTATING_ACTIONS, WHAT_IF_ACTIONS, WHO, type MutatingAction, type Outcome, type Who } from "../authz-matrix";
import { runCommand } from "@/lib/commands/command";
import { requestRedemption } from "@/lib/commands/request-redemption";
import { createParticipant, createPullRequest, createSeason, createTask } from "../factories/db";
import { createGift, createWalletCredits } from "../factories/wallet";
import { DRIVERS, freshDatabase } from "../harness/databases";

// Server actions are called directly, as a browser's POST would reach them; only the session is stubbed.
const state = vi.hoisted(() => ({ viewer: null as Viewer | null, db: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ currentViewer: async () => state.viewer, auth: async () => null }));
vi.mock("@/db", () => ({ getDb: async () => state.db }));

const { setTaskScoreAction } = await import("@/app/_actions/set-task-score");
const { setTaskPerPrAction } = await import("@/app/_actions/set-task-per-pr");
const { assignTaskAction } = await import("@/app/_actions/assign-task");
const { awardPointsAction } = await import("@/app/_actions/award-points");
const { revokeEntryAction } = await import("@/app/_actions/revoke-entry");
const { grantRoleAction } = await import("@/app/_actions/grant-role");
const { revokeRoleAction } = await import("@/app/_actions/revoke-role");
const { pickUpTaskAction } = await import("@/app/_actions/pick-up-task");
const { giveUpTaskAction } = await import("@/app/_actions/give-up-task");
const { saveSeasonAction } = await import("@/app/_actions/save-season");
const { previewSeasonAction } = await import("@/app/_actions/preview-season");
const { openAppealAction } = await import("@/app/_actions/open-appeal");
const { answerAppealAction } = await import("@/app/_actions/answer-appeal");
const { finalizeSeasonAction } = await import("@/app/_actions/finalize-season");
const { reopenSeasonAction } = await import("@/app/_actions/reopen-season");
const { waiveGateAction } = await import("@/app/_actions/waive-gate");
const { setPrivacyAction } = await import("@/app/_actions/set-privacy");
const { setLocaleAction } = await import("@/app/_actions/set-locale");
const { setThemeAction } = await import("@/app/_actions/set-theme");

const { markTaskAction } = await import("@/app/_actions/mark-task");
const { unmarkTaskAction } = await import("@/app/_actions/unmark-task");

const { saveGiftAction } = await import("@/app/_actions/save-gift");
const { requestRedemptionAction } = await import("@/app/_actions/request-redemption");
const { reviewRedemptionAction } = await import("@/app/_actions/review-redemption");
const { issueCreditsAction } = await import("@/app/_actions/issue-credits");
const { setCreditSharesAction } = await import("@/app/_actions/set-credit-shares");

type Targets = { task: number; openTask: number; pr: number; entries: number[]; easy: number[]; easyNumbers: number[]; appeals: number[]; gift: number; redemption: number };
type Row = { action: MutatingAction; call: (form: FormData) => Promise<{ ok: boolean; code?: string }>; form: (t: Targets, who: Who) => Record<string, string>; expect: Record<Who, Outcome> };

/** How each action is called here; who may call it comes from the shared table (test/authz-matrix.ts). */
const CALLS: Record<MutatingAction, Omit<Row, "action" | "expect">> = {
  "set-task-score": { call: (f) => setTaskScoreAction(null, f), form: (t) => ({ taskId: String(t.task), score: "777", reason: "bigger than it looked" }) },
  "set-task-per-pr": { call: (f) => setTaskPerPrAction(null, f), form: (t, w) => ({ taskId: String(t.task), perPr: w === "admin" ? "false" : "true", reason: "umbrella issue" }) },
  "assign-task": { call: (f) => assignTaskAction(null, f), form: (t) => ({ taskId: String(t.openTask), login: "coldcache" }) },
  "award-points": { call: (f) => awardPointsAction(null, f), form: (t) => ({ season: "2020-s2", pullRequestId: String(t.pr), points: "50", reason: "great tests" }) },
  "revoke-entry": { call: (f) => revokeEntryAction(null, f), form: (t, w) => ({ entryId: String(w === "admin" ? t.entries[1] : t.entries[0]), reason: "duplicate" }) },
  "grant-role": { call: (f) => grantRoleAction(null, f), form: () => ({ login: "coldcache", role: "maintainer", repo: "pingcap/tidb" }) },
  "pick-up-task": { call: (f) => pickUpTaskAction(null, f), form: (t, w) => ({ taskId: String(t.easy[WHO.indexOf(w)]) }) },
  "give-up-task": { call: (f) => giveUpTaskAction(null, f), form: (t, w) => ({ taskId: String(t.easy[WHO.indexOf(w)]) }) },
  "save-season": {
    call: (f) => saveSeasonAction(null, f),
    form: () => ({ json: JSON.stringify({ slug: "2022-s4", name: "Season Four", startsAt: "2022-03-01T00:00:00+08:00", endsAt: "2022-05-30T00:00:00+08:00", repos: ["pingcap/tidb"], difficulties: { easy: 100 } }) }),
  },
  "preview-season": {
    call: (f) => previewSeasonAction(null, f),
    form: () => ({ json: JSON.stringify({ slug: "2022-s5", name: "Season Five", startsAt: "2022-06-01T00:00:00+08:00", endsAt: "2022-08-30T00:00:00+08:00", repos: ["pingcap/tidb"], difficulties: { easy: 100 } }) }),
  },
  "open-appeal": { call: (f) => openAppealAction(null, f), form: (t) => ({ season: "2020-s2", pullRequestId: String(t.pr), message: "please look at this one again" }) },
  "answer-appeal": { call: (f) => answerAppealAction(null, f), form: (t, w) => ({ appealId: String(t.appeals[WHO.indexOf(w)]), decision: "decline", reason: "it completes no task" }) },
  "revoke-role": { call: (f) => revokeRoleAction(null, f), form: () => ({ login: "raft-warden", role: "maintainer", repo: "tikv/tikv" }) },
  // The demo's 2019 season ended long ago: the admin finalizes it, then reopens it.
  "finalize-season": { call: (f) => finalizeSeasonAction(null, f), form: () => ({ slug: "2019-s1" }) },
  "reopen-season": { call: (f) => reopenSeasonAction(null, f), form: () => ({ slug: "2019-s1", reason: "reopened by the matrix" }) },
  // Stored issues (no GitHub lookup): each kind of user marks its own easy task, then takes the mark back.
  "mark-task": { call: (f) => markTaskAction(null, f), form: (t, w) => ({ season: "2020-s2", repo: "pingcap/tidb", number: String(t.easyNumbers[WHO.indexOf(w)]), kind: "umbrella", points: "40", reason: "an umbrella issue" }) },
  "unmark-task": { call: (f) => unmarkTaskAction(null, f), form: (t, w) => ({ taskId: String(t.easy[WHO.indexOf(w)]), reason: "marked by mistake" }) },
  "save-gift": { call: (f) => saveGiftAction(null, f), form: () => ({ name: "Authz mug", cost: "50", stock: "3", pictureUrl: "https://example.org/mug.png", active: "true" }) },
  "request-redemption": { call: (f) => requestRedemptionAction(null, f), form: (t) => ({ giftId: String(t.gift), note: "" }) },
  "review-redemption": { call: (f) => reviewRedemptionAction(null, f), form: (t) => ({ redemptionId: String(t.redemption), decision: "approve", reason: "" }) },
  "issue-credits": { call: (f) => issueCreditsAction(null, f), form: () => ({ season: "shop-future" }) },
  "set-credit-shares": { call: (f) => setCreditSharesAction(null, f), form: () => ({ season: "2020-s2", team: "four-nines", shares: "" }) },
  "waive-gate": { call: (f) => waiveGateAction(null, f), form: (t, w) => ({ taskId: String(t.easy[WHO.indexOf(w)]), login: "coldcache", reason: "knows this code well" }) },
  "set-privacy": { call: (f) => setPrivacyAction(null, f), form: (_t, w) => ({ login: "coldcache", hidden: w === "admin" ? "false" : "true" }) },
  "set-locale": { call: (f) => setLocaleAction(null, f), form: () => ({ locale: "en" }) },
  "set-theme": { call: (f) => setThemeAction(null, f), form: () => ({ theme: "dark" }) },
};

/** Every mutating server action × every kind of user. A new action needs a row in the shared table (see the last test). */
const MATRIX: Row[] = MUTATING_ACTIONS.map((action) => ({ action, ...CALLS[action], expect: EXPECTED[action] }));

const toForm = (o: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.set(k, v);
  return f;
};

describe.each(DRIVERS)("server actions refuse whoever may not act, on %s", (kind) => {
  let h: DbHandle;
  let targets: Targets;
  const viewers = new Map<Who, Viewer | null>();

  const snapshot = async () => ({
    entries: (await h.db.select({ n: count() }).from(scoreEntries))[0]?.n,
    audit: (await h.db.select({ n: count() }).from(auditEvents))[0]?.n,
    roles: (await h.db.select({ n: count() }).from(roles))[0]?.n,
    appeals: await h.db.select({ id: appeals.id, status: appeals.status }).from(appeals).orderBy(asc(appeals.id)),
    tasks: await h.db.select({ id: tasks.id, score: tasks.score, perPr: tasks.perPr, holder: tasks.pickedUpById }).from(tasks).orderBy(asc(tasks.id)),
  });

  beforeAll(async () => {
    h = await freshDatabase(kind);
    state.db = h.db;
    await seedDemo(h.db);
    const viewer = async (login: string, extra: Partial<Viewer>): Promise<Viewer> => {
      const [p] = await h.db.select().from(participants).where(eq(participants.login, login));
      return { userId: `u-${login}`, participantId: p!.id, login, isAdmin: false, maintainerOf: [], ...extra };
    };
    viewers.set("anonymous", null);
    viewers.set("participant", await viewer("coldcache", {}));
    viewers.set("maintainer of another repo", await viewer("pd-shepherd", { maintainerOf: ["pingcap/pd"] }));
    viewers.set("maintainer of this repo", await viewer("sql-keeper", { maintainerOf: ["pingcap/tidb"] }));
    viewers.set("admin", await viewer("cp-organizer", { isAdmin: true }));

    const [season] = await h.db.select().from(seasons).where(eq(seasons.slug, "2020-s2"));
    const [tidb] = await h.db.select().from(repositories).where(eq(repositories.fullName, "pingcap/tidb"));
    const inTidb = and(eq(tasks.seasonId, season!.id), eq(tasks.repositoryId, tidb!.id));
    const [completed] = await h.db.select().from(tasks).where(and(inTidb, eq(tasks.state, "completed")));
    const [open] = await h.db.select().from(tasks).where(and(inTidb, eq(tasks.state, "open")));
    const [pr] = await h.db
      .select({ id: pullRequests.id })
      .from(pullRequests)
      .innerJoin(participants, eq(participants.id, pullRequests.authorId))
      .where(and(eq(pullRequests.repositoryId, tidb!.id), isNotNull(pullRequests.mergedAt), eq(participants.isBot, false), between(pullRequests.mergedAt, season!.startsAt, season!.endsAt)));
    const entries = await h.db.select({ id: scoreEntries.id }).from(scoreEntries).where(and(eq(scoreEntries.seasonId, season!.id), eq(scoreEntries.repositoryId, tidb!.id))).limit(2);
    // Open easy tasks (no gate), one for each kind of user.
    const easy: Task[] = [];
    for (const [i] of WHO.entries()) easy.push(await createTask(h.db, { season: season!, repo: "pingcap/tidb", number: 95_000 + i, title: `easy task ${i}`, difficulty: "easy" }));
    // One open appeal per kind of user to answer, each on a pull request of its own (one open appeal per PR).
    const appealIds: number[] = [];
    for (const [i] of WHO.entries()) {
      const disputed = await createPullRequest(h.db, { repo: "pingcap/tidb", number: 96_000 + i, author: `appealer-${i}`, mergedAt: "2020-04-01T00:00:00Z" });
      const [row] = await h.db.insert(appeals).values({ seasonId: season!.id, pullRequestId: disputed.id, participantId: disputed.authorId!, message: "seeded appeal" }).returning({ id: appeals.id });
      appealIds.push(row!.id);
    }
    // The shop: a final season, credits for everyone who requests a gift, and one request waiting for an admin.
    // shop-future is final (its credits are issued by the matrix; the demo's 2019-s1 is finalized and reopened by it);
    // the seeded credits are of a season no other follows yet, so they do not expire.
    const future = await createSeason(h.db, { slug: "shop-future", name: "Shop Future", startsAt: "2098-01-01T00:00:00Z", endsAt: "2098-03-01T00:00:00Z", repos: ["pingcap/tidb"], difficulties: { easy: 100 } });
    const [s1] = await h.db.update(seasons).set({ finalizedAt: new Date("2098-03-02T00:00:00Z") }).where(eq(seasons.id, future.id)).returning();
    const gift = await createGift(h.db, { name: "Authz sticker", cost: 10, stock: 20 });
    for (const who of WHO) {
      const v = viewers.get(who);
      if (v) await createWalletCredits(h.db, { participant: (await h.db.select().from(participants).where(eq(participants.id, v.participantId!)))[0]!, season: s1!, credits: 100 });
    }
    const { redemptionId } = await runCommand(h.db, requestRedemption, viewers.get("participant")!, { giftId: gift.id });
    targets = { task: completed!.id, openTask: open!.id, pr: pr!.id, entries: entries.map((e) => e.id), easy: easy.map((e) => e.id), easyNumbers: easy.map((e) => e.number), appeals: appealIds, gift: gift.id, redemption: redemptionId };
    // The demo seasons are history; tasks are picked up only while a season runs.
    await h.db.update(seasons).set({ endsAt: new Date("2099-01-01T00:00:00Z") }).where(eq(seasons.id, season!.id));
  });
  afterAll(async () => {
    await h?.close();
  });

  for (const row of MATRIX) {
    for (const who of WHO) {
      const expected = row.expect[who];
      it(`${row.action} as ${who}: ${expected}`, async () => {
        state.viewer = viewers.get(who) ?? null;
        const before = await snapshot();
        const result = await row.call(toForm(row.form(targets, who)));
        if (expected === "ok") {
          expect(result).toMatchObject({ ok: true });
          if (WHAT_IF_ACTIONS.has(row.action) || (who === "anonymous" && COOKIE_ONLY_WHEN_ANONYMOUS.has(row.action))) expect(await snapshot()).toEqual(before);
          else expect((await snapshot()).audit).toBeGreaterThan(before.audit ?? 0);
        } else {
          expect(result).toMatchObject({ ok: false, code: expected });
          expect(await snapshot()).toEqual(before);
        }
      });
    }
  }

  it("a participant below a gate is told how many points they still need; a held task cannot be taken", async () => {
    const newbie = await createParticipant(h.db, { login: "gate-newbie", githubId: 424_242 });
    state.viewer = { userId: "u-newbie", participantId: newbie!.id, login: "gate-newbie", isAdmin: false, maintainerOf: [] };
    const [season] = await h.db.select().from(seasons).where(eq(seasons.slug, "2020-s2"));
    const [hard] = await h.db.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.seasonId, season!.id), eq(tasks.state, "open"), eq(tasks.difficulty, "hard"), eq(tasks.active, true)));
    const gated = await pickUpTaskAction(null, toForm({ taskId: String(hard!.id) }));
    expect(gated).toMatchObject({ ok: false, code: "CONFLICT", error: expect.stringMatching(/need \d+ more points/) });
    state.viewer = viewers.get("admin") ?? null;
    await pickUpTaskAction(null, toForm({ taskId: String(targets.easy[0]) }));
    state.viewer = viewers.get("participant") ?? null;
    expect(await pickUpTaskAction(null, toForm({ taskId: String(targets.easy[0]) }))).toMatchObject({ ok: false, code: "CONFLICT", error: expect.stringMatching(/Someone else/) });
  });

  it("a season with errors is refused field by field, and nothing is written", async () => {
    state.viewer = viewers.get("admin") ?? null;
    const before = await snapshot();
    const result = await saveSeasonAction(null, toForm({ json: JSON.stringify({ slug: "x", name: "X", startsAt: "2022-01-01", endsAt: "2022-02-01T00:00:00Z", repos: ["nope"], difficulties: { easy: -1 } }) }));
    expect(result).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { startsAt: expect.stringMatching(/ISO 8601/), "repos[0]": expect.stringMatching(/owner\/name/), "difficulties.easy": "expected a positive integer" } });
    expect(await snapshot()).toEqual(before);
  });

  it("bad form data is refused with the field named, and nothing is written", async () => {
    state.viewer = viewers.get("admin") ?? null;
    const before = await snapshot();
    const result = await setTaskScoreAction(null, toForm({ taskId: String(targets.task), score: "-5", reason: "x" }));
    expect(result).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { score: "expected 0 or more points", reason: "say why (at least 3 characters)" } });
    expect(await snapshot()).toEqual(before);
  });

  it("every server action that changes data has a row in the matrix", () => {
    expect(matrixGaps()).toEqual({ missingRows: [], missingFiles: [] });
    expect(MATRIX.map((r) => r.action)).toEqual([...MUTATING_ACTIONS]);
  });
});
