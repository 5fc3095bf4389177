import { parseArgs } from "node:util";
import { rebuildTotals } from "@/lib/scoring/rebuild";
import { CliError, type Command } from "../types";

export const scoresRebuild: Command<{ season?: string }> = {
  name: "scores rebuild",
  usage: "scores rebuild [--season <slug>]",
  summary: "recompute season totals from the score ledger and report any difference",
  prepare(args) {
    try {
      const { values } = parseArgs({ args, options: { season: { type: "string" } }, strict: true });
      return { season: values.season };
    } catch (e) {
      throw new CliError(`${(e as Error).message}\nusage: podium ${scoresRebuild.usage}`, 2);
    }
  },
  async execute(db, { season }, out) {
    let reports;
    try {
      reports = await rebuildTotals(db, season);
    } catch (e) {
      throw new CliError((e as Error).message);
    }
    for (const r of reports) {
      out.line(`${r.season}: ${r.participants} participants, ${r.differences.length === 0 ? "consistent (no differences)" : `${r.differences.length} difference(s) fixed`}`);
      for (const d of r.differences.slice(0, 50)) out.line(`  ${d.login}: ${d.before ?? "—"} → ${d.after ?? "—"}`);
    }
    return 0;
  },
};
