import { getDb } from "@/db";
import { githubClient, githubEndpoints } from "@/lib/github/endpoints";
import { seasonRepos } from "@/lib/queries/season-repos";
import { errorText } from "@/lib/security/redact";
import { runSync } from "./run-sync";

/**
 * Starts a sync in this server process and resolves once it holds the lock (with its run id), or
 * rejects at once when it cannot start (another sync running, no token). Progress goes to the run row.
 */
export async function startBackgroundSync(input: { season: string; startedBy: string; full?: boolean }): Promise<number> {
  const db = await getDb();
  const gh = await githubEndpoints();
  const client = githubClient(gh, (await seasonRepos(db, input.season)) ?? []);
  return new Promise<number>((resolve, reject) => {
    let started = false;
    runSync(db, {
      client,
      season: input.season,
      full: input.full,
      trigger: "action",
      startedBy: input.startedBy,
      webBase: gh.webUrl,
      onStarted: (runId) => {
        started = true;
        resolve(runId);
      },
    }).catch((error: unknown) => {
      if (!started) reject(error);
      else console.error(`podium: sync of ${input.season} failed: ${errorText(error)}`);
    });
  });
}
