import fs from "node:fs";
import { z } from "zod";
import { runCommand } from "@/lib/commands/command";
import { importMap } from "@/lib/commands/operator";
import { parseContributorMap, ZContributorMap, type ContributorMap } from "@/lib/map/parse-markdown";
import { formatIssues } from "@/lib/util/zod-errors";
import { CliError, defineCommand } from "../types";

export const ZMapImportPayload = z.strictObject({
  file: z.string().min(1).max(4096),
  map: ZContributorMap.refine((m) => m.projects.length > 0, { error: "expected at least one project", path: ["projects"] }),
});

export const mapImport = defineCommand({
  name: "map import",
  usage: "map import <file.md>",
  summary: "replace the contributor map with a Markdown map (projects, modules, skills, materials)",
  payload: ZMapImportPayload,
  prepare(args) {
    const file = args[0];
    if (!file || args.length > 1) throw new CliError("usage: podium map import <file.md>", 2);
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch (e) {
      throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? "error"}`);
    }
    let map: ContributorMap;
    try {
      map = parseContributorMap(text);
    } catch (e) {
      if (!(e instanceof z.ZodError)) throw e;
      throw new CliError(`${file} was refused; nothing was written:\n${formatIssues(e).map((l) => `  ${l}`).join("\n")}`);
    }
    if (map.projects.length === 0) {
      throw new CliError(`${file} has no projects (expected "## [Project](url) description" headings); nothing was written`);
    }
    return { file, map };
  },
  async execute(db, { file, map }, out) {
    const r = await runCommand(db, importMap, "operator", { map });
    out.line(
      `${file}: ${r.projects} project(s), ${r.modules} module(s), ${r.skills} skill(s), ${r.materials} learning material(s)` +
        (r.changed ? " imported." : "; already up to date, nothing changed."),
    );
    return 0;
  },
});
