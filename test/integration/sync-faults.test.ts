import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { participants, pullRequests, scoreEntries, syncRuns, tasks } from "@/db/schema";
import { applyDemoProgram } from "@/demo/program/seed";
import { generateDemoProgram } from "@/demo/program/generate";
import { createGitHubClient, GitHubError, type GitHubClient } from "@/lib/github/client";
import { startFakeGitHub, type FakeGitHub } from "@/demo/fake-github/server";
import { syntheticFixture } from "@/demo/fake-github/synthetic";
import { applySeasons } from "@/lib/seasons/apply-seasons";
import { DEFAULT_SEASON_OPTIONS, parseSeasonDocument } from "@/lib/seasons/season-file";
import { runSync } from "@/lib/sync/run-sync";
import { DRIVERS, freshDatabase } from "../harness/databases";
import { ledgerSnapshot } from "../harness/ledger-snapshot";

const quiet = { sleep: async () => {} };

/** A client whose process "dies" at its Nth query: the run stops there, as a crash would. */
function dyingClient(url: string, dieAt: number): GitHubClient {
  const real = createGitHubClient({ url, token: "t", ...quiet });
  let n = 0;
  return {
    stats: real.stats,
    query: async (text, vars) => {
      n += 1;
      if (n === dieAt) throw new Error(`killed at query ${dieAt}`);
      return real.query(text, vars);
    },
  } as GitHubClient;
}

/** Every ledger entry, described without database ids (those differ between databases). */
async function ledgerRows(h: DbHandle) {
  const rows = await h.db
    .select({ login: participants.login, task: tasks.number, pr: pullRequests.number, points: scoreEntries.points, kind: scoreEntries.kind, reason: scoreEntries.reason })
    .from(scoreEntries)
    .innerJoin(participants, eq(participants.id, scoreEntries.participantId))
    .leftJoin(tasks, eq(tasks.id, scoreEntries.taskId))
    .leftJoin(pullRequests, eq(pullRequests.id, scoreEntries.pullRequestId));
  return rows.map((r) => `${r.login} t${r.task} pr${r.pr} ${r.kind} ${r.points} ${r.reason}`).sort();
}

const synthSeason = {
  ...DEFAULT_SEASON_OPTIONS,
  slug: "synth",
  name: "Synthetic",
  startsAt: "2020-12-01T00:00:00Z",
  endsAt: "2021-12-31T00:00:00Z",
  repos: ["synth/alpha"],
  taskLabels: ["task"],
  taskTitlePrefixes: [],
  difficulties: { easy: 10 },
  rules: { caps: [], gates: [], stops: [] },
  graceDays: 0,
  maintainers: {},
  teams: [],
  unranked: [],
};

describe.each(DRIVERS)("import faults on %s", (kind) => {
  let fake: FakeGitHub;
  let reference: Awaited<ReturnType<typeof ledgerSnapshot>>;
  let referenceRows: string[];
  beforeAll(async () => {
    fake = await startFakeGitHub({ fixture: generateDemoProgram() });
    const h = await freshDatabase(kind);
    await applyDemoProgram(h.db);
    await runSync(h.db, { client: createGitHubClient({ url: `${fake.url}/graphql`, token: "t" }), trigger: "test", webBase: fake.url });
    reference = await ledgerSnapshot(h.db);
    referenceRows = await ledgerRows(h);
    await h.close();
  });
  afterAll(async () => {
    await fake?.close();
  });

  it("a run killed midway, then run again, ends with the same rows and no duplicate entries", async () => {
    for (const dieAt of [2, 5, 9, 14]) {
      const h = await freshDatabase(kind);
      try {
        await applyDemoProgram(h.db);
        await expect(runSync(h.db, { client: dyingClient(`${fake.url}/graphql`, dieAt), trigger: "test", webBase: fake.url })).rejects.toThrow(/killed/);
        const [run] = await h.db.select().from(syncRuns);
        expect(run?.status).toBe("failed");
        await runSync(h.db, { client: createGitHubClient({ url: `${fake.url}/graphql`, token: "t" }), trigger: "test", webBase: fake.url });
        expect(await ledgerSnapshot(h.db)).toEqual(reference);
        expect(await ledgerRows(h)).toEqual(referenceRows);
      } finally {
        await h.close();
      }
    }
  });

  it("a season naming a repository GitHub does not have is reported; the others are imported", async () => {
    const h = await freshDatabase(kind);
    try {
      const [season] = (parseSeasonDocument(generateDemoProgram().seasons) as { success: true; data: import("@/lib/seasons/season-file").SeasonFile[] }).data;
      await applySeasons(h.db, [{ ...season!, repos: [...season!.repos, "pingcap/does-not-exist"] }]);
      const summary = await runSync(h.db, { client: createGitHubClient({ url: `${fake.url}/graphql`, token: "t", ...quiet }), trigger: "test" });
      expect(summary.problems).toEqual([`${season!.slug} pingcap/does-not-exist: not found on GitHub, or the token cannot read it`]);
      expect(summary.pullRequests).toBeGreaterThan(50);
      const [run] = await h.db.select().from(syncRuns).where(eq(syncRuns.id, summary.runId));
      expect(run).toMatchObject({ status: "failed", error: expect.stringContaining("pingcap/does-not-exist: not found on GitHub") });
    } finally {
      await h.close();
    }
  });

  it("a token GitHub refuses stops the run with a clear reason and keeps what was stored", async () => {
    const strict = await startFakeGitHub({ fixture: generateDemoProgram(), strictTokens: true });
    const h = await freshDatabase(kind);
    try {
      await applyDemoProgram(h.db);
      await runSync(h.db, { client: createGitHubClient({ url: `${fake.url}/graphql`, token: "t" }), trigger: "test" });
      const before = await ledgerSnapshot(h.db);
      const error = await runSync(h.db, { client: createGitHubClient({ url: `${strict.url}/graphql`, token: "nope", ...quiet }), trigger: "test", full: true }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GitHubError);
      expect((error as GitHubError).message).toMatch(/GitHub refused the token/);
      const runs = await h.db.select().from(syncRuns).orderBy(syncRuns.id);
      expect(runs.at(-1)).toMatchObject({ status: "failed", error: expect.stringMatching(/GitHub refused the token/) });
      expect(await ledgerSnapshot(h.db)).toEqual(before);
    } finally {
      await h.close();
      await strict.close();
    }
  });

  /** Imports a one-repository synthetic program of more than 1,000 merged PRs; checks each is stored and counted once. */
  async function importPastTheCap(fixture: ReturnType<typeof syntheticFixture>): Promise<{ merged: number; cost: number }> {
    const big = await startFakeGitHub({ fixture });
    const h = await freshDatabase(kind);
    try {
      await applySeasons(h.db, [synthSeason]);
      const merged = fixture.pullRequests.filter((p) => p.state === "MERGED").length;
      expect(merged).toBeGreaterThan(1000);
      const summary = await runSync(h.db, { client: createGitHubClient({ url: `${big.url}/graphql`, token: "t" }), trigger: "test" });
      expect(summary.pullRequests).toBe(merged);
      const [stored] = await h.db.select({ n: count() }).from(pullRequests);
      expect(stored?.n).toBe(merged);
      return { merged, cost: summary.graphqlCost };
    } finally {
      await h.close();
      await big.close();
    }
  }

  it("past the 1,000 cap, pull requests created in the same second as the restart point are neither lost nor counted twice", async () => {
    const fixture = syntheticFixture({ repos: ["synth/alpha"], pullRequests: 1800, issues: 10, comments: 0, start: "2021-01-01T00:00:00Z" });
    // Three hundred merged pull requests around the 1,000th were opened in the same second.
    const byCreation = fixture.pullRequests.filter((p) => p.state === "MERGED").sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.number - b.number);
    const second = byCreation[900]!.createdAt;
    for (const p of byCreation.slice(850, 1150)) p.createdAt = second;
    await importPastTheCap(fixture);
  });

  it("more than 1,000 merged pull requests in one repository are all imported (the search is sliced)", async () => {
    const { merged, cost } = await importPastTheCap(
      syntheticFixture({ repos: ["synth/alpha"], pullRequests: 1800, issues: 50, comments: 0, start: "2021-01-01T00:00:00Z" }),
    );
    // One point per 100 pull requests: past the cap the search goes on from the last creation time, wasting
    // no page (one more page for the restart's overlap, one for the task issues).
    expect(cost).toBeLessThanOrEqual(Math.ceil(merged / 100) + 2);
  });
});
