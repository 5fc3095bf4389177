import fs from "node:fs";
import { runCommand } from "@/lib/commands/command";
import { applySeasonFiles } from "@/lib/commands/operator";
import { z } from "zod";
import { ZSeasonDocument } from "@/lib/seasons/season-file";
import { MAX_SEASON_FILE_BYTES, parseSeasonText } from "@/lib/seasons/season-text";
import { previewSeasonFiles } from "@/lib/commands/preview-season";
import type { SeasonPreview } from "@/lib/seasons/preview-seasons";
import { describeMove } from "@/lib/seasons/ranking-moves";
import { CliError, defineCommand, type Output } from "../types";

/** The file's name (for messages) and its seasons, checked exactly as a season file is (strings, bounds, duplicates). */
export const ZSeasonsApplyPayload = z.strictObject({
  file: z.string().min(1).max(4096),
  seasons: ZSeasonDocument,
  dryRun: z.boolean().optional().default(false),
});
function readBounded(file: string): string {
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_SEASON_FILE_BYTES) throw new CliError(`${file} was refused; nothing was written:\n  (root): the file has ${size} bytes; at most ${MAX_SEASON_FILE_BYTES} are accepted`);
    return fs.readFileSync(file, "utf8");
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? "error"}`);
  }
}

export const seasonsApply = defineCommand({
  name: "seasons apply",
  usage: "seasons apply [--dry-run] <file.json>",
  summary: "create or update seasons from a season file (all or nothing); --dry-run prints who would move, writes nothing",
  payload: ZSeasonsApplyPayload,
  prepare(argv) {
    const dryRun = argv.includes("--dry-run");
    const args = argv.filter((a) => a !== "--dry-run");
    const file = args[0];
    if (!file || args.length > 1 || file.startsWith("--")) throw new CliError("usage: podium seasons apply [--dry-run] <file.json>", 2);
    const parsed = parseSeasonText(readBounded(file));
    if (!parsed.ok) {
      const [first] = parsed.problems;
      if (parsed.problems.length === 1 && first?.message.startsWith("not valid JSON: ")) {
        throw new CliError(`${file} is not valid JSON: ${first.message.slice("not valid JSON: ".length)}`);
      }
      throw new CliError(`${file} was refused; nothing was written:\n${parsed.problems.map((p) => `  ${p.path}: ${p.message}`).join("\n")}`);
    }
    return { file, seasons: parsed.seasons, dryRun };
  },
  async execute(db, { file, seasons, dryRun }, out) {
    if (dryRun) return printPreview(await runCommand(db, previewSeasonFiles, "operator", { seasons }), file, out);
    const result = await runCommand(db, applySeasonFiles, "operator", { seasons });
    for (const r of result) {
      out.line(`${r.action.padEnd(9)} ${r.slug}`);
      for (const c of r.changes) out.line(`          ${c}`);
    }
    const changed = result.filter((r) => r.action !== "unchanged").length;
    out.line(`${file}: ${result.length} season(s), ${changed} changed.`);
    return 0;
  },
});

function printPreview({ changes, moves }: SeasonPreview, file: string, out: Output): number {
  for (const r of changes) {
    out.line(`would be ${r.action.padEnd(9)} ${r.slug}`);
    for (const c of r.changes) out.line(`          ${c}`);
  }
  if (moves.length === 0) out.line("No one would move in any ranking.");
  for (const m of moves) out.line(`  ${m.slug}: ${describeMove(m)}`);
  out.line(`${file}: dry run, nothing was written.`);
  return 0;
}
