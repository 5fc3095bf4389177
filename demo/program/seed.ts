import type { Db } from "@/db/client";
import { roles } from "@/db/schema";
import { importCommunity } from "@/lib/commands/import-community";
import { ZCommunityFile } from "@/lib/rules/community";
import { ensureParticipantsByLogin } from "@/lib/participants/ensure-by-login";
import { applySeasons } from "@/lib/seasons/apply-seasons";
import { parseSeasonDocument } from "@/lib/seasons/season-file";
import { ingest } from "@/lib/sync/ingest";
import type { Fixture } from "./fixture";
import { generateDemoProgram } from "./generate";
import { fixtureToBatch } from "./to-batch";
import { transaction } from "@/db/transaction";

/** The demo program's seasons, admins and community roles (what an operator would apply); idempotent. */
export async function applyDemoProgram(db: Db, program: Fixture = generateDemoProgram()) {
  const seasons = parseSeasonDocument(program.seasons);
  if (!seasons.success) throw new Error(`demo seasons are invalid: ${seasons.error.message}`);
  const changes = await applySeasons(db, seasons.data);
  await transaction(db, async (tx) => {
    const ids = await ensureParticipantsByLogin(tx, program.admins);
    await tx
      .insert(roles)
      .values([...ids.values()].map((participantId) => ({ participantId, role: "admin" as const, grantedBy: "demo" })))
      .onConflictDoNothing();
    if (program.community) await importCommunity(tx, ZCommunityFile.parse(program.community));
  });
  return { seasons: seasons.data, changes };
}

/**
 * Loads the demo program straight into the database through the importer's ingest (no GitHub): fast,
 * for tests that need a populated program. Demo mode itself imports through the fake GitHub.
 */
export async function seedDemo(db: Db): Promise<string> {
  const program = generateDemoProgram();
  const { seasons, changes } = await applyDemoProgram(db, program);
  const counts = await ingest(db, fixtureToBatch(program));
  const created = changes.filter((c) => c.action !== "unchanged").length;
  return `${seasons.length} seasons (${created} changed), ${counts.tasks} tasks, ${counts.pullRequests} pull requests, ${counts.entries} new ledger entries`;
}
