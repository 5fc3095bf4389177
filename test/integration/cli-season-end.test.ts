import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { createDatabase } from "../harness/postgres-server";
import { DRIVERS } from "../harness/databases";

function podium(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "cli/podium.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, AUTH_GITHUB_ID: "", GITHUB_TOKEN: "", DATABASE_URL: "", ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ENDED = { slug: "cli-ended", name: "Ended", startsAt: "2020-03-01T00:00:00Z", endsAt: "2020-06-01T00:00:00Z", graceDays: 2, repos: ["cli/app"], difficulties: { easy: 100 }, prizes: [{ name: "First", ranks: [1, 1] }] };
const LIVE = { ...ENDED, slug: "cli-live", startsAt: "2020-03-01T00:00:00Z", endsAt: "2099-06-01T00:00:00Z" };

describe.each(DRIVERS)("seasons finalize and reopen from the command line on %s", (kind) => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "podium-cli-end-"));
    env = kind === "postgres" ? { DATABASE_URL: await createDatabase(inject("pgUrl"), `cli_end_${process.pid}`) } : { PGLITE_DIR: path.join(dir, "db") };
    fs.writeFileSync(path.join(dir, "seasons.json"), JSON.stringify([ENDED, LIVE]));
    expect(podium(["seasons", "apply", path.join(dir, "seasons.json")], env).code).toBe(0);
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("finalizes an ended season once, refuses a live one and a reopen without a reason, reopens with one", () => {
    const live = podium(["seasons", "finalize", "cli-live"], env);
    expect(live.code).toBe(1);
    expect(live.stderr).toContain("cannot be finalized before 2099-06-03T00:00:00.000Z");
    const done = podium(["seasons", "finalize", "cli-ended"], env);
    expect(done.stderr).toBe("");
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/^cli-ended: final since \S+; 0 result row\(s\) frozen\.\n {2}First: 0 winner\(s\)\n$/);
    const again = podium(["seasons", "finalize", "cli-ended"], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already final");
    const noReason = podium(["seasons", "reopen", "cli-ended"], env);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain("--reason: say why");
    const reopened = podium(["seasons", "reopen", "cli-ended", "--reason", "a late merge was missed"], env);
    expect(reopened.code).toBe(0);
    expect(reopened.stdout).toContain("cli-ended: reopened");
  });
});
