import { parseArgs } from "node:util";
import { z } from "zod";
import { runCommand } from "@/lib/commands/command";
import { finalizeSeason, reopenSeason, ZReopenSeason } from "@/lib/commands/finalize-season";
import { ZSlug } from "@/lib/seasons/season-file";
import { CliError, defineCommand } from "../types";

function slugArg(slug: string | undefined, usage: string): string {
  if (!slug) throw new CliError(`usage: podium ${usage}`, 2);
  const parsed = ZSlug.safeParse(slug);
  if (!parsed.success) throw new CliError(`slug: ${parsed.error.issues[0]?.message ?? "invalid"}`, 2);
  return slug;
}

const FINALIZE_USAGE = "seasons finalize <slug>";
const REOPEN_USAGE = 'seasons reopen <slug> --reason "..."';

export const seasonsFinalize = defineCommand({
  name: "seasons finalize",
  usage: FINALIZE_USAGE,
  summary: "freeze a season's results and prizes (once its end plus grace days has passed)",
  payload: z.strictObject({ slug: ZSlug }),
  prepare(args) {
    if (args.length !== 1) throw new CliError(`usage: podium ${FINALIZE_USAGE}`, 2);
    return { slug: slugArg(args[0], FINALIZE_USAGE) };
  },
  async execute(db, { slug }, out) {
    const r = await runCommand(db, finalizeSeason, "operator", { slug });
    out.line(`${r.slug}: final since ${r.finalizedAt.toISOString()}; ${r.entries} result row(s) frozen.`);
    for (const p of r.prizes) out.line(`  ${p.name}: ${p.winners} winner(s)`);
    return 0;
  },
});

export const seasonsReopen = defineCommand({
  name: "seasons reopen",
  usage: REOPEN_USAGE,
  summary: "make a final season live again (re-derived from what is stored; audited)",
  payload: z.strictObject({ slug: ZSlug, reason: ZReopenSeason.shape.reason }),
  prepare(args) {
    try {
      const { values, positionals } = parseArgs({ args, options: { reason: { type: "string" } }, allowPositionals: true, strict: true });
      if (positionals.length !== 1) throw new CliError(`usage: podium ${REOPEN_USAGE}`, 2);
      const reason = ZReopenSeason.shape.reason.safeParse(values.reason ?? "");
      if (!reason.success) throw new CliError(`--reason: ${reason.error.issues[0]?.message ?? "invalid"}`, 2);
      return { slug: slugArg(positionals[0], REOPEN_USAGE), reason: reason.data };
    } catch (e) {
      if (e instanceof CliError) throw e;
      throw new CliError(`${(e as Error).message}\nusage: podium ${REOPEN_USAGE}`, 2);
    }
  },
  async execute(db, { slug, reason }, out) {
    const r = await runCommand(db, reopenSeason, "operator", { slug, reason });
    out.line(`${r.slug}: reopened; re-derived (${r.entries} ledger correction(s), ${r.points} point(s)).`);
    return 0;
  },
});
