import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Every TypeScript source below these folders, with its text. */
function sources(...dirs: string[]): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(ts|tsx)$/.test(entry.name)) out.push({ file: path.relative(process.cwd(), file), text: fs.readFileSync(file, "utf8") });
    }
  };
  for (const dir of dirs) walk(path.join(process.cwd(), dir));
  return out;
}

describe("the house's layering (docs/architecture.md)", () => {
  const product = sources("app", "lib", "db", "cli");

  it("the product reaches the demo (fake GitHub, demo program) only by a dynamic import, from the demo-mode entry points", () => {
    const staticImports = product.filter((s) => /^\s*(import|export)[^;]*from\s+["']@\/demo\//m.test(s.text)).map((s) => s.file);
    expect(staticImports).toEqual([]);
    const dynamic = product.filter((s) => /import\(\s*["']@\/demo\//.test(s.text)).map((s) => s.file).sort();
    expect(dynamic).toEqual(["lib/github/endpoints.ts", "lib/server/boot.ts"]);
  });

  it("pure rules import nothing that does I/O (database, network, the file system)", () => {
    const pure = sources("lib/rules").concat(sources("lib/scoring").filter((s) => /\/(awards|gates|totals|decisions|eligibility|stops|standing|picks|outcomes|outside-window)\.ts$/.test(s.file)));
    expect(pure.length).toBeGreaterThan(5);
    const io = pure.filter((s) => /from\s+["'](@\/db|drizzle-orm|postgres|node:fs|node:net|node:http|@\/lib\/github)/.test(s.text)).map((s) => s.file);
    expect(io).toEqual([]);
  });
});
