/**
 * `npm test`: typecheck, lint, migration drift, unit, integration (real PostgreSQL and PGlite)
 * and end-to-end (production server in Chromium). Ends with one line: `N passed, N failed`.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";

type Counts = { passed: number; failed: number };
const results: { step: string; counts: Counts; ms: number }[] = [];
const only = process.argv.slice(2);

function run(cmd: string, args: string[], env: Record<string, string> = {}): number {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function step(name: string, fn: () => Counts) {
  if (only.length > 0 && !only.includes(name)) return;
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const counts = fn();
  results.push({ step: name, counts, ms: Date.now() - started });
}

const check = (code: number): Counts => (code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

function vitest(project: string): Counts {
  const file = `test-results/${project}.json`;
  fs.rmSync(file, { force: true });
  const code = run("npx", ["vitest", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${file}`]);
  const report = readJson<{ numPassedTests: number; numFailedTests: number }>(file);
  if (!report) return { passed: 0, failed: 1 };
  return { passed: report.numPassedTests, failed: report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? 1 : 0) };
}

function playwright(): Counts {
  const file = "test-results/e2e.json";
  fs.rmSync(file, { force: true });
  const code = run("npx", ["tsx", "e2e/run.ts"]);
  const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(file);
  if (!report) return { passed: 0, failed: 1 };
  const { expected, unexpected, flaky } = report.stats;
  return { passed: expected + flaky, failed: unexpected + (code !== 0 && unexpected === 0 ? 1 : 0) };
}

fs.mkdirSync("test-results", { recursive: true });
step("typecheck", () => check(run("npx", ["tsc", "--noEmit", "-p", "."])));
step("lint", () => check(run("npx", ["eslint", ".", "--max-warnings=0"])));
step("drift", () => check(run("npx", ["tsx", "scripts/check-drift.ts"])));
step("unit", () => vitest("unit"));
step("integration", () => vitest("integration"));
step("e2e", () => playwright());

const passed = results.reduce((n, r) => n + r.counts.passed, 0);
const failed = results.reduce((n, r) => n + r.counts.failed, 0);
console.log("\n━━ summary ━━");
for (const r of results) {
  console.log(`${r.step.padEnd(12)} ${String(r.counts.passed).padStart(4)} passed ${String(r.counts.failed).padStart(3)} failed  ${(r.ms / 1000).toFixed(1)}s`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
