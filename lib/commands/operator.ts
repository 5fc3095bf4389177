import { z } from "zod";
import { importContributorMap } from "@/lib/map/import-map";
import { ZContributorMap } from "@/lib/map/parse-markdown";
import { rebuildTotals } from "@/lib/scoring/rebuild";
import { applySeasons } from "@/lib/seasons/apply-seasons";
import { ZSeasonDocument, ZSlug } from "@/lib/seasons/season-file";
import { simpleCommand } from "./command";

/** Creates or updates seasons from season files, all or nothing (the CLI's `seasons apply`). */
export const applySeasonFiles = simpleCommand("season.apply", z.object({ seasons: ZSeasonDocument }), "season.manage", (tx, input) => applySeasons(tx, input.seasons));

/** Makes the stored contributor map equal to a document (the CLI's `map import`). */
export const importMap = simpleCommand("map.import", z.object({ map: ZContributorMap }), "season.manage", (tx, input) => importContributorMap(tx, input.map));

/** Recomputes totals from the ledger and reports what differed (the CLI's `scores rebuild`). */
export const rebuildScores = simpleCommand("scores.rebuild", z.object({ season: ZSlug.optional() }), "season.manage", (tx, input) => rebuildTotals(tx, input.season));
