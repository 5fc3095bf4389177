import { spawn } from "node:child_process";
import { isBuilt } from "@/scripts/build";
import type { Lab } from "./lab";
import { log, timed } from "./log";
import { stopGroup } from "./proc";

/**
 * Makes sure .next is the production build of the current sources (what `npm start` checks, see scripts/build.ts),
 * building it if not, so that no measured `npm start` builds. The build is not part of any figure. Its output goes
 * to stderr (stdout is the table). Returns null when built, else why not.
 */
export async function ensureBuilt(lab: Lab): Promise<string | null> {
  if (isBuilt()) return null;
  if (lab.closed) return "the run is stopping";
  log("the production build is missing or older than the sources: building (not measured)");
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/build.ts"], { detached: true, stdio: ["ignore", 2, 2] });
  const pid = child.pid ?? -1;
  const stop = lab.defer(`build (pid ${pid})`, async () => {
    if (pid > 0) await stopGroup(pid);
  });
  const { value: code } = await timed("build", () => new Promise<number | null>((resolve) => {
    child.on("exit", (c) => resolve(c));
    child.on("error", () => resolve(-1));
  }));
  await stop();
  if (code !== 0) return `the build failed (exit code ${code}; see its output above)`;
  // Another process may have changed the sources meanwhile: then `npm start` would build again.
  return isBuilt() ? null : "the sources changed during the build";
}
