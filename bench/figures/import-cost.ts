import { createGitHubClient, type GitHubClient, type RateLimit } from "@/lib/github/client";
import { startFakeGitHub } from "@/demo/fake-github/server";
import { applySeasons } from "@/lib/seasons/apply-seasons";
import { runSync } from "@/lib/sync/run-sync";
import { BOT_BURST, mergedPullCount, programSpec, repoName, seasonFiles, toFixture } from "../generate";
import type { Lab } from "../lab";
import { log, timed } from "../log";
import type { BenchScale } from "../options";
import { result, type BenchResult } from "../report";

type Spend = { queries: number; cost: number };

/**
 * The client, counting the points each kind of query (by GraphQL operation name) spent: each answer's own
 * `rateLimit.cost`, not the client's running total, which other queries in flight move too (the import fetches
 * several repositories at once).
 */
export function countingClient(client: GitHubClient): { client: GitHubClient; spend: Map<string, Spend> } {
  const spend = new Map<string, Spend>();
  const wrapped: GitHubClient = {
    stats: client.stats,
    async query<T extends { rateLimit?: RateLimit | null }>(text: string, variables: Record<string, unknown> = {}): Promise<T> {
      const data = await client.query<T>(text, variables);
      const op = /^\s*query\s+(\w+)/.exec(text)?.[1] ?? "anonymous";
      const s = spend.get(op) ?? { queries: 0, cost: 0 };
      s.queries += 1;
      s.cost += data.rateLimit?.cost ?? 0;
      spend.set(op, s);
      return data;
    },
  };
  return { client: wrapped, spend };
}

const describe = (spend: Map<string, Spend>) =>
  [...spend.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([op, s]) => `${op.replace(/^Podium/, "")} ${s.cost} pt/${s.queries} q`)
    .join(", ");

/**
 * Figure 1: GraphQL points a full import through the fake GitHub spends per 100 merged PRs, and what a re-sync
 * with nothing new costs per repository. The fake prices each query with GitHub's documented formula.
 */
export async function importCost(lab: Lab, scale: BenchScale, kind: "postgres" | "pglite"): Promise<BenchResult[]> {
  const spec = programSpec(scale);
  const fixture = toFixture(spec);
  const merged = mergedPullCount(spec);
  log(`import/${scale}: fake GitHub with ${fixture.pullRequests.length} merged PRs, ${fixture.issues.length} task issues, ${spec.repos} repos`);
  const fake = await startFakeGitHub({ fixture, rateLimit: 100_000_000 });
  const stopFake = lab.defer("fake GitHub", () => fake.close());
  const db = kind === "postgres" ? await lab.postgres(`import_${scale}`) : await lab.pglite(`import_${scale}`);
  try {
    // The last repository is each season's companion (issue #14): its PRs are imported like the others', its issues not.
    const companion = spec.repos > 1 ? repoName(spec.repos - 1) : null;
    const files = seasonFiles(spec).map((f) => (companion ? { ...f, repos: f.repos.filter((r) => r !== companion), companionRepos: [companion] } : f));
    await applySeasons(db.db, files);
    /** Task issues the import reads (the companion's are not tasks). */
    const taskIssues = fixture.issues.filter((i) => i.repo !== companion).length;
    const targets = spec.repos * spec.seasons;
    const first = countingClient(createGitHubClient({ url: `${fake.url}/graphql`, token: "bench" }));
    const { value: full, ms } = await timed(`import/${scale}: full import`, () =>
      runSync(db.db, { client: first.client, trigger: "test", webBase: fake.url }),
    );
    if (full.problems.length > 0) throw new Error(`the import reported problems: ${full.problems.join("; ")}`);
    if (full.pullRequests < merged) throw new Error(`the import stored ${full.pullRequests} of ${merged} merged PRs`);
    fake.resetStats();
    const second = countingClient(createGitHubClient({ url: `${fake.url}/graphql`, token: "bench" }));
    const resync = await runSync(db.db, { client: second.client, trigger: "test", webBase: fake.url });
    const fakeCost = fake.stats().cost;
    const prSearches = ["PodiumPulls", "PodiumRewards", "PodiumRewardComments"].map((name) => first.spend.get(name));
    const prPoints = prSearches.reduce((n, s) => n + (s?.cost ?? 0), 0);
    const prQueries = prSearches.reduce((n, s) => n + (s?.queries ?? 0), 0);
    return [
      result({
        scale,
        db: "none",
        figure: "import: GraphQL points per 100 merged PRs, PR search (full import)",
        unit: "points",
        median: prPoints / (merged / 100),
        n: prQueries,
        target: { op: "<=", value: 1.05, stat: "median" },
        note:
          `${prPoints} points for ${merged} merged PRs in ${spec.repos} repos, one of them a companion repository (merged PRs, 100 a page, the void-label searches on the first page, the /reward search, and earlier comments of ` +
          `rewarded PRs whose /reward sits between ${BOT_BURST.before} and ${BOT_BURST.after} bot comments: ${first.spend.get("PodiumRewardComments")?.queries ?? 0} queries). ` +
          `Past GitHub's 1,000-result cap a search goes on from the last creation time seen (each repo has ${Math.round(merged / spec.repos)} PRs), so no page is fetched twice.`,
      }),
      result({
        scale,
        db: "none",
        figure: "import: GraphQL points per 100 items fetched, everything (full import)",
        unit: "points",
        median: full.graphqlCost / ((merged + taskIssues) / 100),
        n: full.queries,
        target: { op: "<=", value: 1.05, stat: "median" },
        note:
          `${full.graphqlCost} points for ${merged} merged PRs and ${taskIssues} task issues (${describe(first.spend)}); ` +
          `per 100 merged PRs: ${(full.graphqlCost / (merged / 100)).toFixed(2)}. Task issues cost a point per 100 too: with ${((taskIssues / merged) * 100).toFixed(0)} tasks per 100 merged PRs ` +
          `no import can spend less than ${((merged + taskIssues) / merged).toFixed(2)} per 100 merged PRs; the rest is partial last pages (one per search).`,
      }),
      result({
        scale,
        db: "none",
        figure: "import: GraphQL points per repo, re-sync with nothing new",
        unit: "points/repo",
        median: resync.graphqlCost / targets,
        n: resync.queries,
        target: { op: "<=", value: 1, stat: "median" },
        note: `${resync.graphqlCost} points (${describe(second.spend)}) for ${targets} season repositories, ${resync.reposSkipped} skipped as unchanged; the fake counted ${fakeCost}.`,
      }),
      result({
        scale,
        db: kind,
        figure: "import: full import wall time through the fake GitHub",
        unit: "PRs/s",
        median: merged / (ms / 1000),
        n: merged,
        note: `${(ms / 1000).toFixed(1)} s end to end (GraphQL over loopback, pages stored as they arrive); not a target, for context.`,
      }),
    ];
  } finally {
    await db.close();
    await stopFake();
  }
}
