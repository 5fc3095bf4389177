import { z } from "zod";
import type { Db } from "@/db/client";
import { ForbiddenError, can, type Viewer } from "@/lib/auth/permissions";
import { applySeasons, type SeasonChange } from "@/lib/seasons/apply-seasons";
import { parseSeasonDocument } from "@/lib/seasons/season-file";
import { fieldErrors } from "@/lib/util/zod-errors";
import { audit } from "./context";

export const ZSaveSeason = z.object({ json: z.string({ error: "paste the season as JSON" }).min(2, { error: "paste the season as JSON" }).max(200_000) });

export class SeasonFileError extends Error {
  constructor(readonly fields: Record<string, string>) {
    super("The season has errors.");
    this.name = "SeasonFileError";
  }
}

/** An admin creates or edits seasons in the UI, with exactly the season file's validation. */
export async function saveSeason(db: Db, viewer: Viewer, input: z.infer<typeof ZSaveSeason>): Promise<SeasonChange[]> {
  if (!can(viewer, "season.manage")) throw new ForbiddenError("season.manage");
  let json: unknown;
  try {
    json = JSON.parse(input.json);
  } catch (e) {
    throw new SeasonFileError({ json: `not valid JSON: ${(e as Error).message}` });
  }
  const parsed = parseSeasonDocument(json);
  if (!parsed.success) throw new SeasonFileError(fieldErrors(parsed.error));
  const changes = await applySeasons(db, parsed.data);
  await db.transaction(async (tx) => {
    for (const c of changes.filter((x) => x.action !== "unchanged")) {
      await audit(tx, { seasonId: null, actorId: viewer.participantId, action: `season.${c.action}`, after: { slug: c.slug, changes: c.changes.length }, reason: c.changes.slice(0, 5).join("; ") || null });
    }
  });
  return changes;
}
