import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditEvents, participants, pullRequests, roles, scoreEntries, seasons, tasks, webhookDeliveries } from "@/db/schema";
import type { Viewer } from "@/lib/auth/permissions";
import { seedDemo } from "@/demo/program/seed";
import { seasonsApply, ZSeasonsApplyPayload } from "@/cli/commands/seasons-apply";
import { parseSeasonDocument } from "@/lib/seasons/season-file";
import { formatPath } from "@/lib/util/zod-errors";
import { toIssue, toPull } from "@/lib/sync/fetch";
import { handleDelivery } from "@/lib/webhooks/handle-delivery";
import { freshDatabase } from "../harness/databases";

const state = vi.hoisted(() => ({ viewer: null as Viewer | null, handle: null as DbHandle | null }));
vi.mock("@/lib/auth/session", () => ({ currentViewer: async () => state.viewer, auth: async () => null }));
vi.mock("@/db", () => ({ getDb: async () => state.handle!.db, getDatabase: async () => state.handle! }));

const actions = {
  setTaskScore: (await import("@/app/_actions/set-task-score")).setTaskScoreAction,
  setTaskPerPr: (await import("@/app/_actions/set-task-per-pr")).setTaskPerPrAction,
  assignTask: (await import("@/app/_actions/assign-task")).assignTaskAction,
  awardPoints: (await import("@/app/_actions/award-points")).awardPointsAction,
  revokeEntry: (await import("@/app/_actions/revoke-entry")).revokeEntryAction,
  grantRole: (await import("@/app/_actions/grant-role")).grantRoleAction,
  revokeRole: (await import("@/app/_actions/revoke-role")).revokeRoleAction,
  pickUp: (await import("@/app/_actions/pick-up-task")).pickUpTaskAction,
  giveUp: (await import("@/app/_actions/give-up-task")).giveUpTaskAction,
  saveSeason: (await import("@/app/_actions/save-season")).saveSeasonAction,
};
const leaderboard = await import("@/app/api/seasons/[slug]/leaderboard/route");
const participant = await import("@/app/api/participants/[login]/route");
const badge = await import("@/app/api/participants/[login]/badge.svg/route");

/** Strings that break naive code: SQL, HTML, formulas, unicode, huge, control characters, numbers in disguise. */
const nasty = fc.oneof(
  fc.constantFrom(
    "'; drop table score_entries; --",
    "<script>alert(1)</script>",
    "=cmd|' /C calc'!A0",
    "\u0000",
    "💥🔥",
    "ＰＣＰ＃１",
    "-1",
    "1e309",
    "NaN",
    "0x10",
    "  ",
    "../../etc/passwd",
    "%00",
    "null",
    "undefined",
    "[]",
    "{}",
    "9".repeat(40),
    "a".repeat(5000),
    "\u202Eevil",
  ),
  fc.string({ maxLength: 40 }),
  fc.integer().map(String),
  fc.double().map(String),
);

const seasonFile = JSON.parse(fs.readFileSync("test/fixtures/season-2020-s2.json", "utf8")) as Record<string, unknown>;
const many = (n: number, f: (i: number) => unknown) => Array.from({ length: n }, (_, i) => f(i));

/** Issue #13 item 5: each class of malformed season file, and the field path its refusal must name. */
const badSeasons: [string, string, unknown][] = [
  ["a slug that climbs out of its folder", "slug", { ...seasonFile, slug: "../../evil" }],
  ["a time zone Intl does not know", "timeZone", { ...seasonFile, timeZone: "Mars/Base" }],
  ["a date without a zone", "startsAt", { ...seasonFile, startsAt: "2020-03-02T00:00:00" }],
  ["a member twice in a team", "teams[0].members[1]", { ...seasonFile, teams: [{ name: "a", members: ["x", "X"] }] }],
  ["one login in two teams", "teams[1].members[0]", { ...seasonFile, teams: [{ name: "a", members: ["x"] }, { name: "b", members: ["x"] }] }],
  ["a team named like a member", "teams[1].name", { ...seasonFile, teams: [{ name: "a", members: ["x"] }, { name: "x", members: ["y"] }] }],
  ["a NUL character", "name", { ...seasonFile, name: "Season\u0000" }],
  ["a lone surrogate", "taskLabels[0]", { ...seasonFile, taskLabels: ["\ud83d"] }],
  ["a lone surrogate in a key", "maintainers.pingcap/tidb\udc00", { ...seasonFile, maintainers: { "pingcap/tidb\udc00": ["x"] } }],
  ["labels without bound", "taskLabels", { ...seasonFile, taskLabels: many(101, (i) => `l${i}`) }],
  ["teams without bound", "teams", { ...seasonFile, teams: many(1001, (i) => ({ name: `t${i}`, members: [`m${i}`] })) }],
  ["two seasons with one slug", "[1].slug", [seasonFile, seasonFile]],
  ["a repository twice", "repos[1]", { ...seasonFile, repos: ["pingcap/tidb", "PingCAP/TiDB"] }],
  ["a label twice", "taskLabels[1]", { ...seasonFile, taskLabels: ["cp", "CP"] }],
  ["a prefix twice", "taskTitlePrefixes[1]", { ...seasonFile, taskTitlePrefixes: ["UCP:", "UCP:"] }],
  ["a repository outside GitHub's character set", "repos[0]", { ...seasonFile, repos: ["pingcap/ti db"] }],
];

/** Every string leaf of the example season, with its path: where the property test plants a bad character. */
function stringLeaves(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value === "string") return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...at, i]));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...at, k]));
  return [];
}
function plant(doc: unknown, at: (string | number)[], bad: string): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let node = copy;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = at[at.length - 1]!;
  node[last] = `${String(node[last]).slice(0, 2)}${bad}${String(node[last]).slice(2)}`;
  return copy;
}

const RUNS = 40; // per target; 10 actions + 5 other targets → well over 300 inputs

describe("hostile and malformed input", () => {
  let tried = 0;
  const snapshot = async () => {
    const db = state.handle!.db;
    const n = async (t: typeof scoreEntries | typeof auditEvents | typeof roles | typeof tasks | typeof seasons | typeof participants | typeof pullRequests | typeof webhookDeliveries) =>
      (await db.select({ n: count() }).from(t))[0]?.n;
    return {
      entries: await n(scoreEntries),
      audit: await n(auditEvents),
      roles: await n(roles),
      tasks: await n(tasks),
      seasons: await n(seasons),
      participants: await n(participants),
      pulls: await n(pullRequests),
      deliveries: await n(webhookDeliveries),
    };
  };

  beforeAll(async () => {
    state.handle = await freshDatabase("postgres");
    await seedDemo(state.handle.db);
    const [admin] = await state.handle.db.select().from(participants).limit(1);
    state.viewer = { userId: "u", participantId: admin!.id, login: admin!.login, isAdmin: true, maintainerOf: [] };
  });
  afterAll(async () => {
    await state.handle?.close();
    console.log(`hostile inputs tried: ${tried}`);
    expect(tried).toBeGreaterThanOrEqual(300);
  });

  it("season files: refused with a field path, never a crash", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("slug", "name", "startsAt", "endsAt", "repos", "difficulties", "rules", "teams", "graceDays", "x"), fc.oneof(nasty, fc.array(nasty), fc.object())), (doc) => {
        tried += 1;
        const r = parseSeasonDocument(doc);
        if (!r.success) for (const issue of r.error.issues) expect(typeof issue.message).toBe("string");
      }),
      { numRuns: RUNS },
    );
  });

  it.each(badSeasons)("season file with %s: the editor and the CLI name %s, and nothing is written", async (_what, field, doc) => {
    tried += 1;
    const before = await snapshot();
    const form = new FormData();
    form.set("json", JSON.stringify(doc));
    const result = await actions.saveSeason(null, form);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.code).toBe("INVALID");
    expect(!result.ok && Object.keys(result.fieldErrors ?? {})).toContain(field);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "podium-hostile-")), "season.json");
    fs.writeFileSync(file, JSON.stringify(doc));
    await expect(seasonsApply.prepare([file])).rejects.toThrow(`\n  ${field}: `);
    expect(await snapshot()).toEqual(before);
  });

  it("season file: the CLI refuses a 10 MB file before parsing it, and accepts a BOM", async () => {
    tried += 2;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "podium-hostile-"));
    const huge = path.join(dir, "huge.json");
    fs.writeFileSync(huge, JSON.stringify({ ...seasonFile, taskLabels: many(120_000, (i) => `label-${i}-${"x".repeat(70)}`) }));
    expect(fs.statSync(huge).size).toBeGreaterThan(10_000_000);
    await expect(seasonsApply.prepare([huge])).rejects.toThrow(/\(root\): the file has \d+ bytes; at most 2097152 are accepted/);
    const bom = path.join(dir, "bom.json");
    fs.writeFileSync(bom, `\uFEFF${JSON.stringify(seasonFile)}`);
    expect(ZSeasonsApplyPayload.parse(await seasonsApply.prepare([bom])).seasons.map((s) => s.slug)).toEqual(["2020-s2"]);
  });

  it("season file: a NUL, a control character or a lone surrogate in any string is refused at that string's path", () => {
    const leaves = stringLeaves(seasonFile);
    fc.assert(
      fc.property(fc.constantFrom(...leaves), fc.constantFrom("\u0000", "\ud800", "\udfff", "\u001b", "\u007f"), (at, bad) => {
        tried += 1;
        const r = parseSeasonDocument(plant(seasonFile, at, bad));
        expect(r.success).toBe(false);
        expect(r.error?.issues.map((i) => formatPath(i.path))).toContain(formatPath(at));
      }),
      { numRuns: RUNS },
    );
  });

  for (const [name, action] of Object.entries(actions)) {
    it(`${name}: garbage form data gets a clear refusal and writes nothing`, async () => {
      const before = await snapshot();
      await fc.assert(
        fc.asyncProperty(fc.dictionary(fc.constantFrom("taskId", "score", "reason", "perPr", "login", "season", "pullRequestId", "points", "entryId", "role", "repo", "json"), nasty), async (fields) => {
          tried += 1;
          const form = new FormData();
          for (const [k, v] of Object.entries(fields)) form.set(k, v);
          const result = await action(null, form);
          if (!result.ok) {
            expect(["INVALID", "NOT_FOUND", "CONFLICT", "FORBIDDEN"]).toContain(result.code);
            expect(result.error).not.toMatch(/\n\s+at |Error:|TypeError|postgres|syntax error/i);
          }
        }),
        { numRuns: RUNS },
      );
      // Random input that happens to be valid may legitimately write (e.g. a season name); garbage may not delete.
      const after = await snapshot();
      for (const key of Object.keys(before) as (keyof typeof before)[]) expect(after[key]).toBeGreaterThanOrEqual(before[key] ?? 0);
    });
  }

  it("API query parameters and path segments: 400 or 404 with a reason, never a 500", async () => {
    await fc.assert(
      fc.asyncProperty(nasty, nasty, nasty, async (slug, key, value) => {
        tried += 1;
        const url = new URL("http://podium.test/api/seasons/x/leaderboard");
        url.searchParams.set(key.slice(0, 30) || "k", value);
        const res = await leaderboard.GET(new Request(url), { params: Promise.resolve({ slug }) });
        expect([200, 400, 404]).toContain(res.status);
        const p = await participant.GET(new Request("http://podium.test/api/participants/x"), { params: Promise.resolve({ login: slug }) });
        expect([200, 404]).toContain(p.status);
        const b = await badge.GET(new Request(`http://podium.test/b?season=${encodeURIComponent(value)}`), { params: Promise.resolve({ login: key }) });
        expect([200, 400, 404]).toContain(b.status);
      }),
      { numRuns: RUNS },
    );
  });

  it("webhook bodies: 400 with the reason and nothing written, or ignored", async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("pull_request", "issues", "issue_comment", "push", "ping"), fc.oneof(fc.object(), fc.jsonValue(), nasty), async (event, payload) => {
        tried += 1;
        const r = await handleDelivery(state.handle!.db, { deliveryId: `h-${tried}`, event, payload });
        expect([200, 400]).toContain(r.status);
      }),
      { numRuns: RUNS * 2 },
    );
    const after = await snapshot();
    expect({ ...after, deliveries: 0 }).toEqual({ ...before, deliveries: 0 });
  });

  it("GitHub responses with missing or odd fields become safe objects", () => {
    fc.assert(
      fc.property(
        fc.record({
          login: fc.oneof(fc.constant(null), nasty),
          typename: fc.constantFrom("User", "Bot", "Mannequin", "Organization", ""),
          body: fc.oneof(fc.constant(null), nasty),
          title: fc.oneof(fc.constant(null), nasty),
          labels: fc.oneof(fc.constant(null), fc.array(fc.oneof(fc.constant(null), fc.record({ name: nasty })))),
        }),
        (odd) => {
          tried += 1;
          const author = odd.login === null ? null : { __typename: odd.typename, login: odd.login };
          const base = { id: "X", number: 1, url: "u", state: "MERGED" as const, createdAt: "2020-01-01T00:00:00Z", updatedAt: "2020-01-01T00:00:00Z", repository: { nameWithOwner: "a/b" } };
          const pull = toPull({ ...base, title: odd.title as string, body: odd.body as string, mergedAt: null, author, mergedBy: null, closingIssuesReferences: null });
          expect(typeof pull.title).toBe("string");
          expect(typeof pull.body).toBe("string");
          const issue = toIssue({ ...base, state: "OPEN", title: odd.title as string, body: odd.body as string, closedAt: null, author, labels: odd.labels === null ? null : { nodes: odd.labels } });
          expect(Array.isArray(issue.labels)).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
