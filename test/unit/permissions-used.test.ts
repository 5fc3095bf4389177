import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { z } from "zod";
import { COMMANDS } from "@/lib/commands";
import { simpleCommand } from "@/lib/commands/command";

/** Every source file of the product (app/, lib/), except the permission map itself. */
function productSources(): string {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(ts|tsx)$/.test(entry.name) && !file.endsWith(path.join("lib", "auth", "permissions.ts"))) out.push(fs.readFileSync(file, "utf8"));
    }
  };
  for (const dir of ["app", "lib"]) walk(path.join(process.cwd(), dir));
  return out.join("\n");
}

/** The run every `simpleCommand` has: it authorizes the permission the command declares, then does its work. */
const SIMPLE_RUN = simpleCommand("probe", z.object({}), "season.manage", () => Promise.resolve(null)).run.toString();

describe("the permission map", () => {
  const declared = [...new Set(Object.values(PERMISSIONS).flat())].sort();
  const sources = productSources();

  it("has no entry that nothing checks", () => {
    const unused = declared.filter((p) => !sources.includes(`"${p}"`));
    expect(unused).toEqual([]);
  });

  it("every command declares a permission of the map and checks that one", () => {
    for (const command of COMMANDS) {
      expect(declared, command.name).toContain(command.permission);
      // A command checks its permission by name, or its run is exactly `simpleCommand`'s, which checks the one it declares.
      const body = command.run.toString();
      const checksDeclared = body.includes(`"${command.permission}"`) || body === SIMPLE_RUN;
      expect(checksDeclared, `${command.name} does not check ${command.permission}`).toBe(true);
    }
  });

  it("a simpleCommand refuses before its work unless the actor holds the permission it declares", async () => {
    const simple = COMMANDS.filter((c) => c.run.toString() === SIMPLE_RUN);
    expect(simple.map((c) => c.name).sort()).toEqual(["map.import", "scores.rebuild", "season.apply", "season.apply.dry-run"]);
    for (const command of simple) {
      const asked: string[] = [];
      const refuse = (permission: string) => {
        asked.push(permission);
        throw new Error("refused");
      };
      // No transaction: a run that reached its work before authorizing would fail on it with another error.
      await expect(command.run({ tx: undefined as never, actor: "system", actorId: null, authorize: refuse }, {} as never)).rejects.toThrow("refused");
      expect(asked, command.name).toEqual([command.permission]);
    }
  });

  it("command names are unique", () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
