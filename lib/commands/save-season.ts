import { z } from "zod";
import { applySeasons } from "@/lib/seasons/apply-seasons";
import { parseSeasonText, type SeasonProblem } from "@/lib/seasons/season-text";
import { defineCommand } from "./command";
import { audit } from "./load";
import { refusals } from "./refusals";

export const ZSaveSeason = z.object({ json: z.string({ error: "paste the season as JSON" }).min(2, { error: "paste the season as JSON" }).max(200_000) });

/** First problem per field path; a problem of the whole text is the `json` field's (the text area). */
export function seasonFieldErrors(problems: SeasonProblem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) out[p.path === "(root)" && /^not valid JSON|bytes; at most/.test(p.message) ? "json" : p.path] ??= p.message;
  return out;
}

/** An admin creates or edits seasons in the UI, with exactly the season file's validation; all or nothing. */
export const saveSeason = defineCommand({
  name: "season.save",
  input: ZSaveSeason,
  permission: "season.manage",
  async run({ tx, actorId, authorize }, input) {
    authorize("season.manage");
    const parsed = parseSeasonText(input.json);
    if (!parsed.ok) throw refusals.seasonHasErrors(seasonFieldErrors(parsed.problems));
    const changes = await applySeasons(tx, parsed.seasons);
    for (const c of changes.filter((x) => x.action !== "unchanged")) {
      await audit(tx, { seasonId: null, actorId, action: `season.${c.action}`, after: { slug: c.slug, changes: c.changes.length }, reason: c.changes.slice(0, 5).join("; ") || null });
    }
    return changes;
  },
});
