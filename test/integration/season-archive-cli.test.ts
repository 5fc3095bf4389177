import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

function podium(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "cli/podium.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, AUTH_GITHUB_ID: "", GITHUB_TOKEN: "", DATABASE_URL: "", ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `seasons export` and `seasons import` from the command line (embedded databases): stdout is only the result. */
describe("podium seasons export | import", () => {
  let dir: string;
  const from = () => ({ PGLITE_DIR: path.join(dir, "from") });
  const to = () => ({ PGLITE_DIR: path.join(dir, "to") });
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "podium-archive-cli-"));
    expect(podium(["seasons", "apply", "test/fixtures/season-2020-s2.json"], from()).code).toBe(0);
    expect(podium(["sync", "--season", "2020-s2"], from()).code).toBe(0);
  }, 120_000);
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("exports to stdout, imports into another database, which exports the same archive", () => {
    const out = podium(["seasons", "export", "2020-s2"], from());
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    const file = path.join(dir, "s2.json");
    fs.writeFileSync(file, out.stdout);
    const archive = JSON.parse(out.stdout) as { format: string; ledger: unknown[] };
    expect(archive.format).toBe("podium-season/1");
    expect(archive.ledger.length).toBeGreaterThan(0);

    const imported = podium(["seasons", "import", file], to());
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^.*s2\.json: season 2020-s2 imported: \d+ tasks, \d+ pull requests, \d+ ledger entries, \d+ participants\.\n$/);
    const back = JSON.parse(podium(["seasons", "export", "2020-s2"], to()).stdout) as Record<string, unknown>;
    expect({ ...back, exportedAt: null }).toEqual({ ...JSON.parse(out.stdout), exportedAt: null });

    const twice = podium(["seasons", "import", file], to());
    expect(twice.code).toBe(1);
    expect(twice.stdout).toBe("");
    expect(twice.stderr).toMatch(/exists already; nothing was written\. Import with --replace/);
    expect(podium(["seasons", "import", "--replace", file], to()).stdout).toMatch(/season 2020-s2 replaced/);
  }, 240_000);

  it("a malformed archive is refused with the first bad field's path; stdout stays empty", () => {
    const archive = JSON.parse(podium(["seasons", "export", "2020-s2"], from()).stdout) as { tasks: { title: unknown }[] };
    archive.tasks[1]!.title = { $gt: "" };
    const file = path.join(dir, "bad.json");
    fs.writeFileSync(file, JSON.stringify(archive));
    const r = podium(["seasons", "import", file], to());
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("was refused; nothing was written:\n  tasks[1].title: expected text");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    fs.writeFileSync(file, "{ not json");
    expect(podium(["seasons", "import", file], to()).stderr).toMatch(/is not valid JSON/);
  }, 120_000);
});
