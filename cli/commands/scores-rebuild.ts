import { parseArgs } from "node:util";
import { z } from "zod";
import { runCommand } from "@/lib/commands/command";
import { rebuildScores } from "@/lib/commands/operator";
import { PodiumError } from "@/lib/errors";
import { CliError, defineCommand } from "../types";
import { ZSeasonSlug } from "./sync";

export const ZScoresRebuildPayload = z.strictObject({ season: ZSeasonSlug.optional() });

export const scoresRebuild = defineCommand({
  name: "scores rebuild",
  usage: "scores rebuild [--season <slug>]",
  summary: "recompute season totals from the score ledger and report any difference",
  payload: ZScoresRebuildPayload,
  prepare(args) {
    try {
      const { values } = parseArgs({ args, options: { season: { type: "string" } }, strict: true });
      if (values.season !== undefined && !ZSeasonSlug.safeParse(values.season).success) throw new CliError(`--season: not a season slug: ${values.season}`, 2);
      return { season: values.season };
    } catch (e) {
      if (e instanceof CliError) throw e;
      throw new CliError(`${(e as Error).message}\nusage: podium ${scoresRebuild.usage}`, 2);
    }
  },
  async execute(db, { season }, out) {
    let reports;
    try {
      reports = await runCommand(db, rebuildScores, "operator", { season });
    } catch (e) {
      if (e instanceof PodiumError && e.code === "NOT_FOUND") throw new CliError(`unknown season: ${season}`);
      throw e;
    }
    for (const r of reports) {
      out.line(`${r.season}: ${r.participants} participants, ${r.differences.length === 0 ? "consistent (no differences)" : `${r.differences.length} difference(s) fixed`}`);
      for (const d of r.differences.slice(0, 50)) out.line(`  ${d.login}: ${d.before ?? "—"} → ${d.after ?? "—"}`);
    }
    return 0;
  },
});
