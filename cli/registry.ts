import { seasonsApply } from "./commands/seasons-apply";
import { seasonsShow } from "./commands/seasons-show";
import { seasonsFinalize, seasonsReopen } from "./commands/seasons-finalize";
import { seasonsExport } from "./commands/seasons-export";
import { seasonsImport } from "./commands/seasons-import";
import { mapImport } from "./commands/map-import";
import { communityImport } from "./commands/community-import";
import { rolesGrant, rolesRevoke } from "./commands/roles";
import { scoresRebuild } from "./commands/scores-rebuild";
import { sync } from "./commands/sync";
import { jobs } from "./commands/jobs";
import type { RegisteredCommand } from "./types";

/** Every CLI command; `podium --help` lists them in this order. */
export const COMMANDS: RegisteredCommand[] = [seasonsApply, seasonsShow, seasonsFinalize, seasonsReopen, seasonsExport, seasonsImport, sync, rolesGrant, rolesRevoke, scoresRebuild, mapImport, communityImport, jobs];

/** The command named by the leading words of argv, and the rest. */
export function findCommand(argv: string[]): { command: RegisteredCommand; args: string[] } | null {
  for (const command of COMMANDS) {
    const words = command.name.split(" ");
    if (words.every((w, i) => argv[i] === w)) return { command, args: argv.slice(words.length) };
  }
  return null;
}

export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length));
  return [
    "usage: npm run podium -- <command>",
    "",
    "commands:",
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    "",
    "Uses DATABASE_URL, or the embedded database in PGLITE_DIR (default .data/pglite).",
    "When a running Podium server holds the embedded database, commands run inside it.",
  ].join("\n");
}
