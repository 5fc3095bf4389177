import fs from "node:fs";
import { z } from "zod";
import { ARCHIVE_LIMITS, ZSeasonArchive } from "@/lib/archive/format";
import { runCommand } from "@/lib/commands/command";
import { importSeasonArchive } from "@/lib/commands/import-season-archive";
import { formatIssues } from "@/lib/util/zod-errors";
import { CliError, defineCommand } from "../types";

/** The archive as read (checked again wherever the command runs: a payload posted to the server is refused the same way). */
export const ZSeasonsImportPayload = z.strictObject({ file: z.string().min(1).max(4096), archive: ZSeasonArchive, replace: z.boolean() });

function readArchive(file: string): unknown {
  let text: string;
  try {
    const size = fs.statSync(file).size;
    if (size > ARCHIVE_LIMITS.bytes) throw new CliError(`${file} was refused; nothing was written:\n  (root): the file has ${size} bytes; at most ${ARCHIVE_LIMITS.bytes} are accepted`);
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? "error"}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new CliError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
}

export const seasonsImport = defineCommand({
  name: "seasons import",
  usage: "seasons import [--replace] <file.json>",
  summary: "load a season archive (all or nothing; an existing season only with --replace)",
  payload: ZSeasonsImportPayload,
  prepare(args) {
    const replace = args.includes("--replace");
    const rest = args.filter((a) => a !== "--replace");
    const file = rest[0];
    if (!file || rest.length > 1 || file.startsWith("--")) throw new CliError("usage: podium seasons import [--replace] <file.json>", 2);
    const parsed = ZSeasonArchive.safeParse(readArchive(file));
    // The first bad field, with its path (the rest often follow from it).
    if (!parsed.success) throw new CliError(`${file} was refused; nothing was written:\n  ${formatIssues(parsed.error)[0]}`);
    return { file, archive: parsed.data, replace };
  },
  async execute(db, { file, archive, replace }, out) {
    const r = await runCommand(db, importSeasonArchive, "operator", { archive, replace });
    out.line(`${file}: season ${r.season} ${r.replaced ? "replaced" : "imported"}: ${r.tasks} tasks, ${r.pulls} pull requests, ${r.entries} ledger entries, ${r.participants} participants.`);
    return 0;
  },
});
