import { z } from "zod";
import { exportSeason } from "@/lib/archive/export";
import { ZSlug } from "@/lib/seasons/season-file";
import { CliError, defineCommand } from "../types";

export const seasonsExport = defineCommand({
  name: "seasons export",
  usage: "seasons export <slug>",
  summary: "print a season as an archive (podium-season/1: tasks, PRs, ledger, teams, roles, results)",
  payload: z.strictObject({ slug: ZSlug }),
  prepare(args) {
    const slug = args[0];
    if (!slug || args.length > 1) throw new CliError("usage: podium seasons export <slug> > file.json", 2);
    const parsed = ZSlug.safeParse(slug);
    if (!parsed.success) throw new CliError(`slug: ${parsed.error.issues[0]?.message ?? "invalid"}`, 2);
    return { slug };
  },
  async execute(db, { slug }, out) {
    const archive = await exportSeason(db, slug);
    if (!archive) throw new CliError(`no season ${slug}`);
    out.line(JSON.stringify(archive, null, 1));
    return 0;
  },
});
