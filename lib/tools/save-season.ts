import { z } from "zod";
import type { Db } from "@/db/client";
import { ForbiddenError, can, type Viewer } from "@/lib/auth/permissions";
import { applySeasons, type SeasonChange } from "@/lib/seasons/apply-seasons";
import { parseSeasonText, type SeasonProblem } from "@/lib/seasons/season-text";
import { audit } from "./context";

export const ZSaveSeason = z.object({ json: z.string({ error: "paste the season as JSON" }).min(2, { error: "paste the season as JSON" }).max(200_000) });

export class SeasonFileError extends Error {
  constructor(readonly fields: Record<string, string>) {
    super("The season has errors.");
    this.name = "SeasonFileError";
  }
}

/** First problem per field path; a problem of the whole text is the `json` field's (the text area). */
function fieldsOf(problems: SeasonProblem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) out[p.path === "(root)" && /^not valid JSON|bytes; at most/.test(p.message) ? "json" : p.path] ??= p.message;
  return out;
}

/** An admin creates or edits seasons in the UI, with exactly the season file's validation. */
export async function saveSeason(db: Db, viewer: Viewer, input: z.infer<typeof ZSaveSeason>): Promise<SeasonChange[]> {
  if (!can(viewer, "season.manage")) throw new ForbiddenError("season.manage");
  const parsed = parseSeasonText(input.json);
  if (!parsed.ok) throw new SeasonFileError(fieldsOf(parsed.problems));
  const changes = await applySeasons(db, parsed.seasons);
  await db.transaction(async (tx) => {
    for (const c of changes.filter((x) => x.action !== "unchanged")) {
      await audit(tx, { seasonId: null, actorId: viewer.participantId, action: `season.${c.action}`, after: { slug: c.slug, changes: c.changes.length }, reason: c.changes.slice(0, 5).join("; ") || null });
    }
  });
  return changes;
}
