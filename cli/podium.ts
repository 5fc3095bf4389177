import { openDatabase, readPgliteLock, PgliteBusyError } from "@/db/client";
import { EnvError, parseEnv } from "@/lib/env";
import { stopDemoGitHub } from "@/lib/github/endpoints";
import { GitHubError } from "@/lib/github/client";
import { PodiumError } from "@/lib/errors";
import { errorText, redact } from "@/lib/security/redact";
import { findCommand, helpText } from "./registry";
import { runRemote } from "./remote";
import { CliError, type Output } from "./types";

let drawn = false;
const clear = () => {
  if (drawn) process.stdout.write("\r\x1b[K");
  drawn = false;
};
const out: Output = {
  line: (text) => {
    clear();
    process.stdout.write(`${text}\n`);
  },
  error: (text) => {
    clear();
    process.stderr.write(`${text}\n`);
  },
  progress: process.stdout.isTTY
    ? (text) => {
        process.stdout.write(`\r\x1b[K${text.slice(0, (process.stdout.columns ?? 80) - 1)}`);
        drawn = true;
      }
    : undefined,
};

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
    out.line(helpText());
    return argv.length === 0 ? 2 : 0;
  }
  const found = findCommand(argv);
  if (!found) {
    out.error(`unknown command: ${argv.join(" ")}\n\n${helpText()}`);
    return 2;
  }
  if (found.args.includes("--help")) {
    out.line(`usage: npm run podium -- ${found.command.usage}\n\n${found.command.summary}`);
    return 0;
  }
  const env = parseEnv();
  const payload = await found.command.prepare(found.args);
  // The same check the server's internal route makes: execute only ever sees a payload its schema accepts.
  const checked = found.command.check(payload);
  if (!checked.ok) throw new CliError(`${found.command.name}: refused; nothing was written:\n${checked.issues.map((l) => `  ${l}`).join("\n")}`);

  const pgliteDir = env.PGLITE_DIR ?? ".data/pglite";
  if (!env.DATABASE_URL) {
    const holder = readPgliteLock(pgliteDir);
    if (holder?.port && holder.token) {
      return runRemote(holder.port, holder.token, found.command.name, payload, out);
    }
    if (holder) throw new PgliteBusyError(pgliteDir, holder);
  }
  const handle = await openDatabase({ url: env.DATABASE_URL, pgliteDir, lockInfo: { role: "cli" } });
  try {
    return await checked.run(handle.db, out);
  } finally {
    await handle.close();
    await stopDemoGitHub();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof CliError) {
      out.error(redact(e.message));
      process.exit(e.exitCode);
    }
    if (e instanceof PodiumError || e instanceof EnvError || e instanceof PgliteBusyError || e instanceof GitHubError) {
      out.error(redact(e.message));
      process.exit(1);
    }
    out.error(`podium: ${errorText(e)}`);
    process.exit(1);
  },
);
