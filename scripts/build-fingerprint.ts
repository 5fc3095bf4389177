import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const INPUTS = ["app", "lib", "db", "cli", "demo", "drizzle", "i18n", "messages", "next.config.mjs", "proxy.ts", "instrumentation.ts", "tsconfig.json", "package-lock.json"];

function walk(p: string, out: string[]) {
  if (!fs.existsSync(p)) return;
  const stat = fs.statSync(p);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) walk(path.join(p, name), out);
  } else out.push(p);
}

/** A hash of everything the production build depends on: `npm start` rebuilds when it changes. */
export function buildFingerprint(root = process.cwd()): string {
  const files: string[] = [];
  for (const input of INPUTS) walk(path.join(root, input), files);
  const hash = crypto.createHash("sha256");
  for (const file of files) {
    hash.update(path.relative(root, file));
    hash.update(fs.readFileSync(file));
  }
  return hash.digest("hex");
}

export const FINGERPRINT_FILE = path.join(".next", "podium-build-fingerprint");
