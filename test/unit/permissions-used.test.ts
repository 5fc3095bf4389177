import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { COMMANDS } from "@/lib/commands";

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
      // A command checks its permission by name, or is made by `simpleCommand`, whose run checks the one it declares.
      const body = command.run.toString();
      const checksDeclared = body.includes(`"${command.permission}"`) || body.includes("authorize(permission)");
      expect(checksDeclared, `${command.name} does not check ${command.permission}`).toBe(true);
    }
  });

  it("command names are unique", () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
