import type { Db } from "@/db/client";
import { roles } from "@/db/schema";
import { ensureParticipantsByLogin } from "@/lib/participants/ensure-by-login";
import { applySeasons } from "@/lib/seasons/apply-seasons";
import { parseSeasonDocument } from "@/lib/seasons/season-file";
import { ingest } from "@/lib/sync/ingest";
import { generateDemoProgram } from "./generate";
import { fixtureToBatch } from "./to-batch";

/**
 * Loads the demo program: its seasons, admins, and the GitHub objects through the same ingest the
 * importer uses. Idempotent: a second run finds everything in place and writes nothing new.
 */
export async function seedDemo(db: Db): Promise<string> {
  const program = generateDemoProgram();
  const seasons = parseSeasonDocument(program.seasons);
  if (!seasons.success) throw new Error(`demo seasons are invalid: ${seasons.error.message}`);
  const changes = await applySeasons(db, seasons.data);
  await db.transaction(async (tx) => {
    const ids = await ensureParticipantsByLogin(tx, program.admins);
    await tx
      .insert(roles)
      .values([...ids.values()].map((participantId) => ({ participantId, role: "admin" as const, grantedBy: "demo" })))
      .onConflictDoNothing();
  });
  const counts = await ingest(db, fixtureToBatch(program));
  const created = changes.filter((c) => c.action !== "unchanged").length;
  return `${seasons.data.length} seasons (${created} changed), ${counts.tasks} tasks, ${counts.pullRequests} pull requests, ${counts.entries} new ledger entries`;
}
