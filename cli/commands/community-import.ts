import fs from "node:fs";
import { z } from "zod";
import { runCommand } from "@/lib/commands/command";
import { importCommunityFile, type CommunityChange } from "@/lib/commands/import-community";
import { ZCommunityFile } from "@/lib/rules/community";
import { formatIssues } from "@/lib/util/zod-errors";
import { CliError, defineCommand } from "../types";

/** A members file is a few hundred bytes a member; this is well above the schema's member bound. */
const MAX_COMMUNITY_FILE_BYTES = 8 * 1024 * 1024;

export const ZCommunityImportPayload = z.strictObject({
  file: z.string().min(1).max(4096),
  members: ZCommunityFile,
});

function readFile(file: string): string {
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_COMMUNITY_FILE_BYTES) throw new CliError(`${file} was refused; nothing was written:\n  (root): the file has ${size} bytes; at most ${MAX_COMMUNITY_FILE_BYTES} are accepted`);
    return fs.readFileSync(file, "utf8");
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? "error"}`);
  }
}

const sigText = (sigs: readonly string[]) => (sigs.length > 0 ? ` (SIGs: ${sigs.join(", ")})` : "");

/** One line per change, as the operator reads it. */
export function describeCommunityChange(c: CommunityChange): string {
  switch (c.kind) {
    case "added":
      return `added    ${c.login}: ${c.role}${sigText(c.sigs)}`;
    case "changed":
      return `changed  ${c.login}: ${c.was.role}${sigText(c.was.sigs)} -> ${c.role}${sigText(c.sigs)}`;
    case "removed":
      return `removed  ${c.login}: was ${c.was.role}${sigText(c.was.sigs)}; not in the file, so no longer holds a community role`;
  }
}

export const communityImport = defineCommand({
  name: "community import",
  usage: "community import <members.json>",
  summary: "replace the community roles and SIGs with a members file ([{ login, role, sigs }])",
  payload: ZCommunityImportPayload,
  prepare(args) {
    const file = args[0];
    if (!file || args.length > 1) throw new CliError("usage: podium community import <members.json>", 2);
    let raw: unknown;
    try {
      raw = JSON.parse(readFile(file));
    } catch (e) {
      if (e instanceof CliError) throw e;
      throw new CliError(`${file} is not valid JSON: ${(e as Error).message}`);
    }
    const parsed = ZCommunityFile.safeParse(raw);
    if (!parsed.success) throw new CliError(`${file} was refused; nothing was written:\n${formatIssues(parsed.error).map((l) => `  ${l}`).join("\n")}`);
    return { file, members: parsed.data };
  },
  async execute(db, { file, members }, out) {
    const r = await runCommand(db, importCommunityFile, "operator", { members });
    for (const c of r.changes) out.line(describeCommunityChange(c));
    const n = (kind: CommunityChange["kind"]) => r.changes.filter((c) => c.kind === kind).length;
    out.line(
      r.changes.length === 0
        ? `${file}: ${r.members} member(s); already up to date, nothing changed.`
        : `${file}: ${r.members} member(s); ${n("added")} added, ${n("changed")} changed, ${n("removed")} removed.`,
    );
    return 0;
  },
});
