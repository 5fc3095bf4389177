import { z } from "zod";
import { importContributorMap } from "@/lib/map/import-map";
import { ZContributorMap } from "@/lib/map/parse-markdown";
import { rebuildTotals } from "@/lib/scoring/rebuild";
import { applySeasons } from "@/lib/seasons/apply-seasons";
import { ZSeasonDocument, ZSlug } from "@/lib/seasons/season-file";
import { defineCommand } from "./command";

/** Creates or updates seasons from season files, all or nothing (the CLI's `seasons apply`). */
export const applySeasonFiles = defineCommand({
  name: "season.apply",
  input: z.object({ seasons: ZSeasonDocument }),
  permission: "season.manage",
  async run({ tx, authorize }, input) {
    authorize("season.manage");
    return applySeasons(tx, input.seasons);
  },
});

/** Makes the stored contributor map equal to a document (the CLI's `map import`). */
export const importMap = defineCommand({
  name: "map.import",
  input: z.object({ map: ZContributorMap }),
  permission: "season.manage",
  async run({ tx, authorize }, input) {
    authorize("season.manage");
    return importContributorMap(tx, input.map);
  },
});

/** Recomputes totals from the ledger and reports what differed (the CLI's `scores rebuild`). */
export const rebuildScores = defineCommand({
  name: "scores.rebuild",
  input: z.object({ season: ZSlug.optional() }),
  permission: "season.manage",
  async run({ tx, authorize }, input) {
    authorize("season.manage");
    return rebuildTotals(tx, input.season);
  },
});
