import { z } from "zod";
import { seasonAsFile } from "@/lib/queries/season-as-file";
import { ZSlug } from "@/lib/seasons/season-file";
import { CliError, defineCommand } from "../types";

export const seasonsShow = defineCommand({
  name: "seasons show",
  usage: "seasons show <slug>",
  summary: "print a season as a season file (applying it back changes nothing)",
  payload: z.strictObject({ slug: ZSlug }),
  prepare(args) {
    const slug = args[0];
    if (!slug || args.length > 1) throw new CliError("usage: podium seasons show <slug>", 2);
    const parsed = ZSlug.safeParse(slug);
    if (!parsed.success) throw new CliError(`slug: ${parsed.error.issues[0]?.message ?? "invalid"}`, 2);
    return { slug };
  },
  async execute(db, { slug }, out) {
    const file = await seasonAsFile(db, slug);
    if (!file) throw new CliError(`no season ${slug}`);
    out.line(JSON.stringify(file, null, 2));
    return 0;
  },
});
