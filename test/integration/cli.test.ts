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
    expect(r.stdout).toMatch(/seasons apply <file\.json>/);
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
  }

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
