import fs from "node:fs";
import { applySeasons } from "@/lib/seasons/apply-seasons";
import { z } from "zod";
import { parseSeasonDocument, ZSeasonFile } from "@/lib/seasons/season-file";
import { formatIssues } from "@/lib/util/zod-errors";
import { CliError, defineCommand } from "../types";

/** The file's name (for messages) and its seasons, each checked by the season-file schema. */
export const ZSeasonsApplyPayload = z.strictObject({
  file: z.string().min(1).max(4096),
  seasons: z.array(ZSeasonFile).min(1, { error: "expected at least one season" }).max(1000),
});

export const seasonsApply = defineCommand({
  name: "seasons apply",
  usage: "seasons apply <file.json>",
  summary: "create or update seasons from a season file (all or nothing)",
  payload: ZSeasonsApplyPayload,
  prepare(args) {
    const file = args[0];
    if (!file || args.length > 1) throw new CliError("usage: podium seasons apply <file.json>", 2);
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch (e) {
      throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? "error"}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new CliError(`${file} is not valid JSON: ${(e as Error).message}`);
    }
    const parsed = parseSeasonDocument(json);
    if (!parsed.success) {
      throw new CliError(`${file} was refused; nothing was written:\n${formatIssues(parsed.error).map((l) => `  ${l}`).join("\n")}`);
    }
    return { file, seasons: parsed.data };
  },
  async execute(db, { file, seasons }, out) {
    const result = await applySeasons(db, seasons);
    for (const r of result) {
      out.line(`${r.action.padEnd(9)} ${r.slug}`);
      for (const c of r.changes) out.line(`          ${c}`);
    }
    const changed = result.filter((r) => r.action !== "unchanged").length;
    out.line(`${file}: ${result.length} season(s), ${changed} changed.`);
    return 0;
  },
});
