import { z } from "zod";
import { previewSeasons } from "@/lib/seasons/preview-seasons";
import { ZSeasonDocument } from "@/lib/seasons/season-file";
import { parseSeasonText } from "@/lib/seasons/season-text";
import { defineCommand, simpleCommand } from "./command";
import { ZSaveSeason, seasonFieldErrors } from "./save-season";
import { refusals } from "./refusals";

/** The season editor's preview: what saving would change and who would move, with nothing written. */
export const previewSeason = defineCommand({
  name: "season.preview",
  input: ZSaveSeason,
  permission: "season.manage",
  async run({ tx, authorize }, input) {
    authorize("season.manage");
    const parsed = parseSeasonText(input.json);
    if (!parsed.ok) throw refusals.seasonHasErrors(seasonFieldErrors(parsed.problems));
    return previewSeasons(tx, parsed.seasons);
  },
});

/** `seasons apply --dry-run`: the same what-if for season files the operator reads. */
export const previewSeasonFiles = simpleCommand("season.apply.dry-run", z.object({ seasons: ZSeasonDocument }), "season.manage", (tx, input) => previewSeasons(tx, input.seasons));
