import { z } from "zod";
import { InvalidInputError } from "@/lib/errors";
import { applySeasons } from "@/lib/seasons/apply-seasons";
import { parseSeasonDocument } from "@/lib/seasons/season-file";
import { fieldErrors } from "@/lib/util/zod-errors";
import { defineCommand } from "./command";
import { audit } from "./load";

export const ZSaveSeason = z.object({ json: z.string({ error: "paste the season as JSON" }).min(2, { error: "paste the season as JSON" }).max(200_000) });

/** An admin creates or edits seasons in the UI, with exactly the season file's validation; all or nothing. */
export const saveSeason = defineCommand({
  name: "season.save",
  input: ZSaveSeason,
  permission: "season.manage",
  async run({ tx, actorId, authorize }, input) {
    authorize("season.manage");
    let json: unknown;
    try {
      json = JSON.parse(input.json);
    } catch (e) {
      throw new InvalidInputError("The season has errors.", { json: `not valid JSON: ${(e as Error).message}` });
    }
    const parsed = parseSeasonDocument(json);
    if (!parsed.success) throw new InvalidInputError("The season has errors.", fieldErrors(parsed.error));
    const changes = await applySeasons(tx, parsed.data);
    for (const c of changes.filter((x) => x.action !== "unchanged")) {
      await audit(tx, { seasonId: null, actorId, action: `season.${c.action}`, after: { slug: c.slug, changes: c.changes.length }, reason: c.changes.slice(0, 5).join("; ") || null });
    }
    return changes;
  },
});
