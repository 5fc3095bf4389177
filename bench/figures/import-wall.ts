import { createGitHubClient, type GitHubClient, type RateLimit } from "@/lib/github/client";
import { startFakeGitHub } from "@/demo/fake-github/server";
import { applySeasons } from "@/lib/seasons/apply-seasons";
import { runSync } from "@/lib/sync/run-sync";
import { programSpec, repoName, seasonFiles, toFixture } from "../generate";
import type { Lab } from "../lab";
import { log, timed } from "../log";
import type { BenchScale } from "../options";
import { result, type BenchResult } from "../report";

/** GitHub's round trip, as the fake on loopback does not have one: each query waits this long before it is sent. */
export const INJECTED_LATENCY_MS = 300;

/** The client, each of whose queries first waits `ms` (a slow network; the fake itself answers at once). */
export function slowClient(client: GitHubClient, ms: number): GitHubClient {
  return {
    stats: client.stats,
    async query<T extends { rateLimit?: RateLimit | null }>(text: string, variables: Record<string, unknown> = {}): Promise<T> {
      await new Promise((r) => setTimeout(r, ms));
      return client.query<T>(text, variables);
    },
  } as GitHubClient;
}

/**
 * Issue #17, item 5: the wall time of a full import with 300 ms per query, one repository at a time (the import
 * before #17) against the default (4 fetched at once, the writes in the same order), each into a fresh database,
 * in the same run; the GraphQL points of the two must be the same.
 */
export async function importWallTime(lab: Lab, scale: BenchScale, kind: "postgres" | "pglite"): Promise<BenchResult[]> {
  const spec = programSpec(scale);
  const fixture = toFixture(spec);
  const companion = spec.repos > 1 ? repoName(spec.repos - 1) : null;
  const files = seasonFiles(spec).map((f) => (companion ? { ...f, repos: f.repos.filter((r) => r !== companion), companionRepos: [companion] } : f));
  const fake = await startFakeGitHub({ fixture, rateLimit: 100_000_000 });
  const stopFake = lab.defer("fake GitHub", () => fake.close());
  const runs: Record<string, { ms: number; cost: number; queries: number; pullRequests: number; entries: number }> = {};
  try {
    for (const concurrency of [1, 4]) {
      const db = kind === "postgres" ? await lab.postgres(`import_wall_${scale}_${concurrency}`) : await lab.pglite(`import_wall_${scale}_${concurrency}`);
      try {
        await applySeasons(db.db, files);
        const client = slowClient(createGitHubClient({ url: `${fake.url}/graphql`, token: "bench" }), INJECTED_LATENCY_MS);
        const { value, ms } = await timed(`import-wall/${scale}: concurrency ${concurrency}`, () => runSync(db.db, { client, trigger: "test", webBase: fake.url, concurrency }));
        if (value.problems.length > 0) throw new Error(`the import reported problems: ${value.problems.join("; ")}`);
        runs[concurrency] = { ms, cost: value.graphqlCost, queries: value.queries, pullRequests: value.pullRequests, entries: value.entries };
      } finally {
        await db.close();
      }
    }
  } finally {
    await stopFake();
  }
  const serial = runs[1]!;
  const concurrent = runs[4]!;
  log(`import-wall/${scale}: serial ${serial.ms} ms, concurrent ${concurrent.ms} ms`);
  const same = serial.cost === concurrent.cost && serial.queries === concurrent.queries && serial.pullRequests === concurrent.pullRequests && serial.entries === concurrent.entries;
  return [
    result({
      scale,
      db: kind,
      figure: `import: wall time with ${INJECTED_LATENCY_MS} ms per query, 4 repositories at once ÷ one at a time`,
      unit: "ratio",
      median: concurrent.ms / serial.ms,
      n: concurrent.queries,
      target: { op: "<=", value: 0.25, stat: "median" },
      note:
        `one at a time ${(serial.ms / 1000).toFixed(1)} s, 4 at once ${(concurrent.ms / 1000).toFixed(1)} s (${spec.repos} repos × ${spec.seasons} seasons); ` +
        `GraphQL points ${serial.cost} and ${concurrent.cost}, queries ${serial.queries} and ${concurrent.queries}, PRs ${serial.pullRequests} and ${concurrent.pullRequests}, ` +
        `ledger entries ${serial.entries} and ${concurrent.entries}${same ? " (the same)" : " — NOT the same"}.`,
    }),
  ];
}
