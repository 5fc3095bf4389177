import type { Db } from "@/db/client";
import { errorText, redact } from "@/lib/security/redact";
import { findCommand } from "./registry";
import { EXIT_MARKER } from "./remote";
import { CliError } from "./types";

/**
 * The CLI's call inside the server (`POST /api/internal/cli`, after the token check): the command is
 * looked up and its payload checked with the command's own schema before anything runs, so a payload
 * `prepare` would never produce is refused with 400 and the field paths, and nothing is written.
 */
export async function cliCallResponse(call: { command: string; payload: unknown }, db: () => Promise<Db>): Promise<Response> {
  const found = findCommand(call.command.split(" "));
  if (!found || found.args.length > 0) return Response.json({ error: `unknown command: ${call.command}` }, { status: 400 });
  const checked = found.command.check(call.payload);
  if (!checked.ok) {
    const error = `${found.command.name}: the payload was refused; nothing was written:\n${checked.issues.map((l) => `  ${l.startsWith("(root)") ? `payload${l.slice(6)}` : `payload.${l}`}`).join("\n")}`;
    return Response.json({ error, issues: checked.issues }, { status: 400 });
  }
  const database = await db();
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => controller.enqueue(encoder.encode(`${text}\n`));
      let code = 1;
      try {
        code = await checked.run(database, {
          line: (t) => t.split("\n").forEach((l) => send(l)),
          error: (t) => t.split("\n").forEach((l) => send(`\u0000err:${l}`)),
        });
      } catch (e) {
        send(`\u0000err:${e instanceof CliError ? redact(e.message) : `podium: ${errorText(e)}`}`);
        code = e instanceof CliError ? e.exitCode : 1;
      }
      send(`${EXIT_MARKER}${code}`);
      controller.close();
    },
  });
  return new Response(stream, { headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}
