import { describe, expect, it } from "vitest";
import { scriptsOfHtml } from "@/bench/figures/client-js";
import {
  BOT_LOGIN,
  botPullCount,
  openTaskCount,
  programSpec,
  pullAt,
  seasonFiles,
  seasonWindow,
  toBatch,
  toFixture,
  SCALES,
} from "@/bench/generate";
import { parseOptions, UsageError } from "@/bench/options";
import { uniformAt } from "@/bench/prng";
import { buildReport, formatMarkdown, formatTable, result, skipped } from "@/bench/report";
import { percentile, summarize, timeLoop } from "@/bench/stats";
import { ZFixtureIssue, ZFixturePullRequest, ZFixtureUser } from "@/lib/demo/fixture";
import { ZSeasonFile } from "@/lib/seasons/season-file";

describe("bench generator", () => {
  const spec = programSpec("tiny");

  it("is deterministic: the same seed gives the same program, built whole or item by item", () => {
    const a = toFixture(spec);
    const b = toFixture(programSpec("tiny"));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(pullAt(spec, 17)).toEqual(pullAt(spec, 17));
    expect(a.pullRequests[17]?.number).toBe(pullAt(spec, 17).number);
    expect(uniformAt(1, 2, 3)).toBe(uniformAt(1, 2, 3));
    expect(uniformAt(1, 2, 3)).not.toBe(uniformAt(1, 2, 4));
  });

  it("produces valid GitHub-shaped objects and season files", () => {
    const f = toFixture(spec);
    for (const u of f.users) ZFixtureUser.parse(u);
    for (const i of f.issues) ZFixtureIssue.parse(i);
    for (const p of f.pullRequests) ZFixturePullRequest.parse(p);
    for (const s of seasonFiles(spec)) expect(ZSeasonFile.safeParse(s).success).toBe(true);
    expect(f.pullRequests).toHaveLength(spec.pullRequests + botPullCount(spec));
    expect(f.users.filter((u) => u.type === "User")).toHaveLength(spec.participants + spec.repos);
    expect(f.issues.filter((i) => i.state === "OPEN")).toHaveLength(openTaskCount(spec));
  });

  it("keeps GitHub's invariants: unique numbers per repo, closing references to existing issues, merges inside a season", () => {
    const f = toFixture({ ...spec, seasons: 2 });
    const numbers = new Set<string>();
    for (const item of [...f.issues, ...f.pullRequests]) {
      const key = `${item.repo}#${item.number}`;
      expect(numbers.has(key)).toBe(false);
      numbers.add(key);
    }
    const issues = new Set(f.issues.map((i) => `${i.repo}#${i.number}`));
    const windows = [seasonWindow(0), seasonWindow(1)];
    for (const p of f.pullRequests) {
      for (const n of p.closingIssues) expect(issues.has(`${p.repo}#${n}`)).toBe(true);
      const merged = Date.parse(p.mergedAt ?? "");
      expect(windows.some((w) => merged >= w.startsAt && merged <= w.endsAt)).toBe(true);
    }
    // Every participant authors at least one PR.
    const authors = new Set(f.pullRequests.map((p) => p.author));
    for (let n = 0; n < spec.participants; n++) expect(authors.has(`bench-user-${n}`)).toBe(true);
  });

  it("has a ledger-shaped variant where every participant's PR completes a task, and an importer-shaped batch", () => {
    const scored = programSpec("tiny", { scored: true });
    for (let i = 0; i < scored.pullRequests; i++) expect(pullAt(scored, i).task).not.toBeNull();
    const batch = toBatch(toFixture(spec));
    expect(batch.pullRequests.length).toBe(spec.pullRequests + botPullCount(spec));
    expect(batch.pullRequests.find((p) => p.author?.login === BOT_LOGIN)?.author?.isBot).toBe(true);
    expect(batch.issues.every((i) => i.labels.some((l) => l.startsWith("challenge-")))).toBe(true);
    expect(SCALES.large).toMatchObject({ participants: 100_000, pullRequests: 1_000_000, repos: 50, seasons: 2 });
  });
});

describe("bench report", () => {
  const rows = [
    result({ scale: "small", db: "postgres", figure: "read: getLeaderboard top 50", unit: "ms", median: 2.345678, p95: 4.5, n: 100, target: { op: "<=", value: 20, stat: "p95" } }),
    result({ scale: "small", db: "postgres", figure: "ingest: PRs/s", unit: "PRs/s", median: 4321.7, n: 10, target: { op: ">=", value: 5000, stat: "median" }, note: "a note" }),
    skipped("large", "none", "http: GET /x", "ms", "no build"),
  ];

  it("rounds values and tells whether targets are met", () => {
    expect(rows[0]).toMatchObject({ median: 2.35, p95: 4.5, met: true });
    expect(rows[1]).toMatchObject({ median: 4322, p95: null, met: false });
    expect(rows[2]).toMatchObject({ median: null, n: 0, note: "skipped: no build" });
    expect(rows[2]?.met).toBeUndefined();
  });

  it("prints a table with a header, one line per figure and numbered notes", () => {
    const table = formatTable(rows);
    const lines = table.split("\n");
    expect(lines[0]).toMatch(/^scale\s+db\s+figure\s+median\s+p95\s+n\s+unit\s+target/);
    expect(table).toContain("read: getLeaderboard top 50");
    expect(table).toContain("MISSED");
    expect(table).toContain("[1] a note");
    expect(table).toContain("[2] skipped: no build");
    expect(formatMarkdown(rows).split("\n")).toHaveLength(2 + rows.length);
  });

  it("builds a JSON report with the machine, the start time and every result's keys", () => {
    const report = JSON.parse(JSON.stringify(buildReport(new Date("2025-01-01T00:00:00Z"), { scales: ["tiny"] }, rows))) as Record<string, unknown>;
    expect(report).toMatchObject({ machine: { cores: expect.any(Number), node: process.version, platform: expect.any(String) }, startedAt: "2025-01-01T00:00:00.000Z" });
    const results = report.results as Record<string, unknown>[];
    expect(results).toHaveLength(3);
    for (const r of results) for (const key of ["scale", "db", "figure", "unit", "median", "p95", "n"]) expect(r).toHaveProperty(key);
  });

  it("computes nearest-rank percentiles", () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(summarize(samples)).toEqual({ median: 50, p95: 95, n: 100 });
    expect(percentile([], 50)).toBeNaN();
  });

  it("warms up with negative indices, then times calls 0, 1, …", async () => {
    const seen: number[] = [];
    const samples = await timeLoop(
      async (i) => {
        seen.push(i);
      },
      { warmup: 2, minIterations: 3, maxIterations: 3, budgetMs: 0 },
    );
    expect(seen).toEqual([-1, -2, 0, 1, 2]);
    expect(samples).toHaveLength(3);
  });
});

describe("bench options", () => {
  it("defaults to small and realistic on PostgreSQL, and refuses unknown values", () => {
    expect(parseOptions([])).toMatchObject({ scales: ["small", "realistic"], db: "postgres" });
    expect(parseOptions(["--scale", "large", "--scale=small", "--db", "both"])).toMatchObject({ scales: ["small", "large"], db: "both" });
    expect(parseOptions(["--help"])).toBe("help");
    expect(() => parseOptions(["--scale", "huge"])).toThrow(UsageError);
    expect(() => parseOptions(["--db", "mysql"])).toThrow(UsageError);
  });

  it("finds the page's module scripts in its HTML, without noModule polyfills", () => {
    const html = `<script src="/_next/static/chunks/a.js" async=""></script><script src="/_next/static/chunks/poly.js" noModule=""></script><script>self.x=1</script><script src="/_next/static/chunks/b.js?dpl=1"></script>`;
    expect(scriptsOfHtml(html)).toEqual(["/_next/static/chunks/a.js", "/_next/static/chunks/b.js"]);
  });
});
