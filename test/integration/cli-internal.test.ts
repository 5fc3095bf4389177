import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliCallResponse } from "@/cli/internal";
import { findCommand } from "@/cli/registry";
import type { DbHandle } from "@/db/client";
import { mapProjects, roles, seasons } from "@/db/schema";
import { freshDatabase } from "../harness/databases";

const fixture = JSON.parse(fs.readFileSync("test/fixtures/season-2020-s2.json", "utf8")) as Record<string, unknown>;
const season = (changes: Record<string, unknown>) => ({ file: "s.json", seasons: [{ ...fixture, ...changes }] });
const without = (key: string) => ({ file: "s.json", seasons: [Object.fromEntries(Object.entries(fixture).filter(([k]) => k !== key))] });

/** What the server's internal route answers for this call (after the token check). */
async function call(h: DbHandle, command: string, payload: unknown) {
  const res = await cliCallResponse({ command, payload }, async () => h.db);
  return { status: res.status, text: await res.text() };
}

describe("the CLI's internal route checks every payload with the command's schema", () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase("pglite");
  });
  afterAll(async () => {
    await h.close();
  });

  // Payloads `prepare` never produces: each is refused with 400 naming the field, and nothing runs.
  it.each([
    ["roles grant", "payload.login", { login: 42, role: "admin" }],
    ["roles grant", "payload.role", { login: "coldcache", role: "root" }],
    ["roles grant", 'payload: Unrecognized key: "sudo"', { login: "coldcache", role: "admin", sudo: true }],
    ["roles grant", "payload.repo", { login: "coldcache", role: "maintainer" }],
    ["roles revoke", "payload: ", "coldcache admin"],
    ["seasons apply", "payload.seasons[0].slug", season({ slug: "../../evil" })],
    ["seasons apply", "payload.seasons[0].timeZone", season({ timeZone: "Mars/Base" })],
    ["seasons apply", "payload.seasons[0].difficulties", without("difficulties")],
    ["seasons apply", "payload.seasons[0].endsAt", without("endsAt")],
    ["seasons apply", "payload.seasons[0].difficulties", season({ difficulties: { Easy: -5 } })],
    ["seasons apply", "payload.seasons[0].difficulties.easy", season({ difficulties: { easy: "lots" } })],
    ["seasons apply", "payload.seasons", { file: "s.json", seasons: [] }],
    ["seasons apply", "payload.file", { seasons: [fixture] }],
    ["seasons apply", 'payload: Unrecognized key: "force"', { ...season({}), force: true }],
    ["sync", "payload.full", { full: "yes" }],
    ["sync", "payload.season", { season: "../x", full: false }],
    ["scores rebuild", 'payload: Unrecognized key: "all"', { season: "2020-s2", all: true }],
    ["map import", "payload.map.projects", { file: "m.md", map: { projects: [] } }],
    ["map import", "payload.map.projects[0]", { file: "m.md", map: { projects: [{ slug: "Not A Slug" }] } }],
  ])("%s: refused at %s", async (command, field, payload) => {
    const r = await call(h, command, payload);
    expect(r.status).toBe(400);
    const body = JSON.parse(r.text) as { error: string; issues: string[] };
    expect(body.error).toContain("nothing was written");
    expect(body.error).toContain(field);
    expect(body.error).not.toMatch(/\n\s+at /);
  });

  it("wrote nothing for any of them", async () => {
    expect(await h.db.select().from(seasons)).toEqual([]);
    expect(await h.db.select().from(roles)).toEqual([]);
    expect(await h.db.select().from(mapProjects)).toEqual([]);
  });

  it("refuses a command name with extra words, and an unknown one", async () => {
    expect((await call(h, "roles grant coldcache", { login: "coldcache", role: "admin" })).status).toBe(400);
    expect((await call(h, "seasons destroy", {})).status).toBe(400);
    expect(await h.db.select().from(roles)).toEqual([]);
  });

  it("runs what prepare produces, after a JSON round trip, as the CLI sends it", async () => {
    const payload = await findCommand(["seasons", "apply"])!.command.prepare(["test/fixtures/season-2020-s2.json"]);
    const r = await call(h, "seasons apply", JSON.parse(JSON.stringify(payload)));
    expect(r.status).toBe(200);
    expect(r.text).toMatch(/created\s+2020-s2/);
    expect(r.text).toContain("\u0000exit:0");
    expect((await h.db.select().from(seasons)).map((s) => s.slug)).toEqual(["2020-s2"]);

    const grant = await findCommand(["roles", "grant"])!.command.prepare(["coldcache", "admin"]);
    const g = await call(h, "roles grant", JSON.parse(JSON.stringify(grant)));
    expect(g.text).toContain("granted: coldcache admin");
    expect(g.text).toContain("\u0000exit:0");
  });

  it("every command's prepare output passes its own check after a JSON round trip", async () => {
    const cases: [string[], string[]][] = [
      [["sync"], ["--season", "2020-s2", "--full"]],
      [["sync"], []],
      [["scores", "rebuild"], ["--season", "2020-s2"]],
      [["roles", "revoke"], ["coldcache", "maintainer", "--repo", "pingcap/pd"]],
      [["map", "import"], ["lib/map/contributor-map.md"]],
    ];
    for (const [name, args] of cases) {
      const { command } = findCommand(name)!;
      const payload: unknown = JSON.parse(JSON.stringify(await command.prepare(args)));
      expect(command.check(payload), name.join(" ")).toMatchObject({ ok: true });
    }
  });
});
