import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { seasons } from "@/db/schema";
import { createDatabase } from "../harness/postgres-server";

function podium(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "cli/podium.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, AUTH_GITHUB_ID: "", GITHUB_TOKEN: "", DATABASE_URL: "", ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("podium CLI", () => {
  let pgUrl: string;
  let dir: string;
  beforeAll(async () => {
    pgUrl = await createDatabase(inject("pgUrl"), `cli_${process.pid}`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "podium-cli-"));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("--help lists the commands", () => {
    const r = podium(["--help"], {});
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/seasons apply \[--dry-run\] <file\.json>/);
    expect(r.stdout).toMatch(/seasons show <slug>/);
  });

  it("an unknown command is refused with the help", () => {
    const r = podium(["seasons", "destroy"], {});
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command: seasons destroy/);
  });

  for (const kind of ["postgres", "pglite"] as const) {
    it(`refuses a malformed file with the field path and writes nothing (${kind})`, async () => {
      const env: Record<string, string> = kind === "postgres" ? { DATABASE_URL: pgUrl } : { PGLITE_DIR: path.join(dir, "db") };
      const bad = podium(["seasons", "apply", "test/fixtures/season-bad.json"], env);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain("rules.caps[1].max: expected a positive integer");
      expect(bad.stderr).toContain("nothing was written");
      expect(bad.stderr).not.toMatch(/\n\s+at /); // no stack trace

      const first = podium(["seasons", "apply", "test/fixtures/season-2020-s2.json"], env);
      expect(first.stderr).toBe("");
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/created\s+2020-s2/);
      const again = podium(["seasons", "apply", "test/fixtures/season-2020-s2.json"], env);
      expect(again.stdout).toMatch(/unchanged 2020-s2/);
      expect(again.stdout).toMatch(/0 changed/);


      const h = await openDatabase(kind === "postgres" ? { url: pgUrl } : { pgliteDir: env.PGLITE_DIR });
      try {
        const rows = await h.db.select().from(seasons);
        expect(rows.map((s) => [s.slug, s.name])).toEqual([["2020-s2", "Challenge Program Season 2"]]);
      } finally {
        await h.close();
      }
    });

    it(`seasons apply --dry-run writes nothing; seasons show gives a file that applies as no change (${kind})`, () => {
      const env: Record<string, string> = kind === "postgres" ? { DATABASE_URL: pgUrl } : { PGLITE_DIR: path.join(dir, "db") };
      // A dry run says what would happen and writes nothing.
      const dry = podium(["seasons", "apply", "--dry-run", "test/fixtures/season-round2.json"], env);
      expect(dry.code).toBe(0);
      expect(dry.stdout).toMatch(/^would be created\s+r2-full$/m);
      expect(dry.stdout).toContain("test/fixtures/season-round2.json: dry run, nothing was written.");
      // `seasons show` gives the season back as a file; applying that file changes nothing.
      const shown = podium(["seasons", "show", "2020-s2"], env);
      expect(shown.code).toBe(0);
      const file = path.join(dir, `shown-${kind}.json`);
      fs.writeFileSync(file, shown.stdout);
      expect(JSON.parse(shown.stdout)).toMatchObject({ slug: "2020-s2", startsAt: "2020-03-02T00:00:00+08:00", teams: [{ name: "dot-star", members: ["login-a", "login-b"] }] });
      expect(podium(["seasons", "apply", file], env).stdout).toMatch(/unchanged 2020-s2/);
    });
  }

  it("sync imports from the demo GitHub and prints a summary", () => {
    const env = { PGLITE_DIR: path.join(dir, "sync-db") };
    expect(podium(["seasons", "apply", "test/fixtures/season-2020-s2.json"], env).code).toBe(0);
    const r = podium(["sync", "--season", "2020-s2"], env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/sync \(incremental\) of 2020-s2 from the demo GitHub/);
    expect(r.stdout).toMatch(/repositories\s+3 imported, 0 unchanged/);
    expect(r.stdout).toMatch(/pull requests\s+\d{2,}/);
    expect(r.stdout).toMatch(/GraphQL\s+\d+ queries, \d+ points/);
    const again = podium(["sync", "--season", "2020-s2"], env);
    expect(again.stdout).toMatch(/repositories\s+0 imported, 3 unchanged/);
    expect(again.stdout).toMatch(/GraphQL\s+1 queries, 1 points/);
    const unknown = podium(["sync", "--season", "nope"], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/unknown season: nope/);
  });

  it("roles and scores rebuild work from the command line", () => {
    const env = { PGLITE_DIR: path.join(dir, "sync-db") };
    expect(podium(["roles", "grant", "newbie", "maintainer", "--repo", "pingcap/pd"], env).stdout).toMatch(/granted: newbie maintainer of pingcap\/pd/);
    expect(podium(["roles", "grant", "newbie", "maintainer", "--repo", "pingcap/pd"], env).stdout).toMatch(/unchanged/);
    const bad = podium(["roles", "grant", "newbie", "maintainer"], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/repo: a maintainer needs a repository/);
    expect(podium(["roles", "revoke", "newbie", "maintainer", "--repo", "pingcap/pd"], env).stdout).toMatch(/revoked/);
    const rebuild = podium(["scores", "rebuild"], env);
    expect(rebuild.code).toBe(0);
    expect(rebuild.stdout).toMatch(/2020-s2: \d+ participants, consistent \(no differences\)/);
  });

  it("says so when another process holds the embedded database", () => {
    const pgliteDir = path.join(dir, "held");
    fs.mkdirSync(path.dirname(pgliteDir), { recursive: true });
    // The test runner itself is a live process: pretend it holds the folder.
    fs.writeFileSync(`${pgliteDir}.lock`, JSON.stringify({ pid: process.pid }));
    const r = podium(["seasons", "apply", "test/fixtures/season-2020-s2.json"], { PGLITE_DIR: pgliteDir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/in use by process \d+.*one process at a time/);
  });

  it("reads a file that is not JSON as an error naming the file", () => {
    const file = path.join(dir, "broken.json");
    fs.writeFileSync(file, "{ nope");
    const r = podium(["seasons", "apply", file], { PGLITE_DIR: path.join(dir, "db2") });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.json is not valid JSON/);
  });
});
