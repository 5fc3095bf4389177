/** `npm run build`: the production build, stamped with the fingerprint `npm start` checks. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildFingerprint, FINGERPRINT_FILE } from "./build-fingerprint";

export const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");

export function isBuilt(): boolean {
  return (
    fs.existsSync(path.join(".next", "BUILD_ID")) &&
    fs.existsSync(FINGERPRINT_FILE) &&
    fs.readFileSync(FINGERPRINT_FILE, "utf8") === buildFingerprint()
  );
}

export function build(env: NodeJS.ProcessEnv = process.env): boolean {
  const fingerprint = buildFingerprint();
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
  if (result.status !== 0) return false;
  fs.writeFileSync(FINGERPRINT_FILE, fingerprint);
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exit(build() ? 0 : 1);
}
