import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { registerSecret } from "@/lib/security/redact";

/** The folder of generated demo-mode secrets (never committed; `.data/` is git-ignored). */
export const dataDir = () => path.join(/* turbopackIgnore: true */ process.cwd(), ".data");

/**
 * A random secret kept in `.data/<name>` (mode 0600), generated the first time any process asks;
 * processes that start together agree on it (the first to create the file wins).
 */
export function dataSecret(name: string): string {
  const file = path.join(dataDir(), name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, crypto.randomBytes(33).toString("base64url"), { mode: 0o600, flag: "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  const secret = fs.readFileSync(file, "utf8").trim();
  registerSecret(secret);
  return secret;
}
