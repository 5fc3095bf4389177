import fs from "node:fs";
import os from "node:os";
import path from "node:path";
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
import { memoryVerdict, retainedPerRequestKb, rssCurve, MB, type RssSample } from "@/bench/memory";
import { loadSecondsFor, parseOptions, UsageError } from "@/bench/options";
import { listeningInodes, parentOf } from "@/bench/proc";
import { uniformAt } from "@/bench/prng";
import { buildReport, formatMarkdown, formatTable, result, skipped } from "@/bench/report";
import { percentile, summarize, timeLoop } from "@/bench/stats";
import { ZFixtureIssue, ZFixturePullRequest, ZFixtureUser } from "@/demo/program/fixture";
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

  it("keeps a load row's p99 (rounded) next to its median and p95", () => {
    const row = result({ scale: "small", db: "postgres", figure: "load: GET /x", unit: "ms", median: 1234.4, p95: 2345.6, p99: 3456.78, n: 10 });
    expect(row).toMatchObject({ median: 1234, p95: 2346, p99: 3457 });
    expect(formatTable([row])).toContain("load: GET /x");
  });

  it("judges the server's memory: peak growth over the start, RSS halfway and at the end", () => {
    const at = (t: number, mb: number): RssSample => ({ t, rss: mb * MB, tree: (mb + 100) * MB });
    const during = Array.from({ length: 31 }, (_, t) => at(t, 100 + Math.min(t, 10) * 20));
    const v = memoryVerdict(at(-1, 100), during, at(35, 310), 30);
    expect(v).toMatchObject({ startMb: 100, peakMb: 310, midMb: 300, endMb: 310, peakGrowthMb: 210, secondHalfGrowthMb: 10, peakTreeMb: 410, samples: 33 });
    expect(rssCurve([at(0, 100), at(1, 150), at(2, 200)], 2)).toBe("0 s 100, 2 s 200");
    // Retained heap per response: 10 MB kept over 1,000 responses is 10.24 kB each; a shrinking heap keeps none.
    expect(retainedPerRequestKb(40 * MB, 50 * MB, 1000)).toBeCloseTo(10.24, 5);
    expect(retainedPerRequestKb(50 * MB, 40 * MB, 1000)).toBe(0);
    expect(retainedPerRequestKb(40 * MB, 50 * MB, 0)).toBeNaN();
  });

  it("reads parent pids and listening sockets the way /proc writes them", () => {
    expect(parentOf("1234 (next-server (v16.4.6)) S 1200 1234 1234 0 -1")).toBe(1200);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-proc-"));
    const table = path.join(dir, "tcp");
    fs.writeFileSync(
      table,
      [
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
        "   0: 0100007F:0CE4 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4242 1 0000000000000000 100 0 0 10 0",
        "   1: 0100007F:0CE4 0100007F:9C40 01 00000000:00000000 00:00000000 00000000     0        0 4343 1 0000000000000000 20 4 30 10 -1",
        "   2: 0100007F:0CE5 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4444 1 0000000000000000 100 0 0 10 0",
      ].join("\n"),
    );
    try {
      expect([...listeningInodes(3300, [table])]).toEqual(["4242"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
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

  it("takes the load and cold-start settings, with their defaults", () => {
    const defaults = parseOptions([]);
    expect(defaults).toMatchObject({ loadSeconds: null, loadConnections: 200, coldRuns: 3, warmRuns: 2 });
    if (defaults === "help") throw new Error("unexpected help");
    expect(loadSecondsFor(defaults, "small")).toBe(10);
    expect(loadSecondsFor(defaults, "realistic")).toBe(30);
    const set = parseOptions(["--only", "load,cold-start", "--load-seconds", "45", "--load-connections=100", "--cold-runs", "5", "--warm-runs", "1"]);
    expect(set).toMatchObject({ only: ["load", "cold-start"], loadSeconds: 45, loadConnections: 100, coldRuns: 5, warmRuns: 1 });
    if (set === "help") throw new Error("unexpected help");
    expect(loadSecondsFor(set, "small")).toBe(45);
    expect(() => parseOptions(["--load-connections", "0"])).toThrow(UsageError);
    expect(() => parseOptions(["--load-seconds", "2.5"])).toThrow(UsageError);
    expect(() => parseOptions(["--only", "load,warp"])).toThrow(UsageError);
  });

  it("finds the page's module scripts in its HTML, without noModule polyfills", () => {
    const html = `<script src="/_next/static/chunks/a.js" async=""></script><script src="/_next/static/chunks/poly.js" noModule=""></script><script>self.x=1</script><script src="/_next/static/chunks/b.js?dpl=1"></script>`;
    expect(scriptsOfHtml(html)).toEqual(["/_next/static/chunks/a.js", "/_next/static/chunks/b.js"]);
  });
});
