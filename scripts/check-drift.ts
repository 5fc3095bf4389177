/** Fails when the drizzle schema has changes that no committed migration holds. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// drizzle-kit wants an out folder relative to the project.
const out = path.join("node_modules", ".cache", "podium-drift", "drizzle");
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.cpSync("drizzle", out, { recursive: true });
const before = new Set(fs.readdirSync(out));
const result = spawnSync(
  process.execPath,
  [path.join("node_modules", "drizzle-kit", "bin.cjs"), "generate", "--dialect", "postgresql", "--schema", "./db/schema/index.ts", "--out", out],
  { encoding: "utf8" },
);
const added = fs.readdirSync(out).filter((f) => !before.has(f));
const output = `${result.stdout}\n${result.stderr}`;
fs.rmSync(path.dirname(out), { recursive: true, force: true });
if (added.length > 0) {
  console.error(`drift check: the schema has changes with no migration (${added.join(", ")}). Run npm run db:generate and commit drizzle/.`);
  process.exit(1);
}
if (result.status !== 0 || !/No schema changes/i.test(output)) {
  console.error(output);
  console.error("drift check: drizzle-kit generate did not confirm that the schema and migrations agree");
  process.exit(1);
}
console.log("drift check: committed migrations match the schema");
