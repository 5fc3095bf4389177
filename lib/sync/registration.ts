import { transaction } from "@/db/transaction";
import { env } from "@/lib/env";
import { applyRegistration, storeSignUps } from "@/lib/registration/apply";
import { ensureRepositories } from "@/lib/seasons/apply-seasons";
import { fetchSignUps } from "./fetch";
import type { Run, SeasonRow } from "./run-sync";
import type { GhIssue } from "./types";
import { moveWatermark, readWatermark } from "./watermark";

/**
 * The season's sign-up issues that changed since its registration watermark (one search, 1 point a page), stored;
 * then the registration derived again and applied in one transaction, before the season's tasks and pull requests
 * are imported, so their awards see the teams. A repository GitHub cannot read is reported; the import goes on.
 */
export async function readRegistration(run: Run, season: SeasonRow): Promise<void> {
  const registration = season.options.registration;
  if (!registration || season.finalizedAt) return;
  const { db, options } = run;
  const repositoryId = (await ensureRepositories(db, [registration.repo])).get(registration.repo.toLowerCase())!;
  const cursor = await readWatermark(db, season.id, repositoryId, "registration");
  await run.report({ season: season.slug, repo: registration.repo, phase: "registration", done: 0, total: 0 });
  const issues: GhIssue[] = [];
  try {
    await fetchSignUps(options.client, { repo: registration.repo, titlePrefix: registration.titlePrefix, since: options.full ? null : cursor }, async (page) => {
      issues.push(...page);
    });
  } catch (error) {
    run.problems.push(`${season.slug} registration ${registration.repo}: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  await transaction(db, async (tx) => {
    await storeSignUps(tx, issues);
    await applyRegistration(tx, season, { mode: options.botComments ?? env().botComments, now: options.now?.() ?? new Date() });
  });
  const seen = issues.map((i) => i.updatedAt).sort().at(-1);
  await moveWatermark(db, { seasonId: season.id, repositoryId, kind: "registration" }, seen, run.started);
}
