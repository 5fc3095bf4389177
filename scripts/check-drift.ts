/** Fails when the drizzle schema has changes that no committed migration holds. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "podium-drift-"));
const out = path.join(tmp, "drizzle");
fs.cpSync("drizzle", out, { recursive: true });
const before = new Set(fs.readdirSync(out));
const result = spawnSync(
  process.execPath,
  [path.join("node_modules", "drizzle-kit", "bin.cjs"), "generate", "--dialect", "postgresql", "--schema", "./db/schema/index.ts", "--out", out],
  { encoding: "utf8" },
);
const added = fs.readdirSync(out).filter((f) => !before.has(f));
fs.rmSync(tmp, { recursive: true, force: true });
if (result.status !== 0) {
  console.error(result.stdout, result.stderr);
  console.error("drift check: drizzle-kit generate failed");
  process.exit(1);
}
if (added.length > 0) {
  console.error(`drift check: the schema has changes with no migration (${added.join(", ")}). Run npm run db:generate and commit drizzle/.`);
  process.exit(1);
}
console.log("drift check: committed migrations match the schema");
