import crypto from "node:crypto";
import { z } from "zod";
import { getDb } from "@/db";
import { findCommand } from "@/cli/registry";
import { EXIT_MARKER } from "@/cli/remote";
import { CliError } from "@/cli/types";
import { CLI_MAX_BODY, readBodyJson } from "@/lib/http/read-body";
import { cliToken } from "@/lib/server/boot";

export const dynamic = "force-dynamic";

const ZBody = z.object({ command: z.string().min(1).max(100), payload: z.unknown() });

function tokenMatches(given: string | null): boolean {
  const expected = cliToken();
  if (!expected || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * The CLI's way in while this server holds the embedded database (PGlite allows one process).
 * Only a caller that can read the lock file (mode 0600, same user) knows the token.
 */
export async function POST(request: Request) {
  if (!tokenMatches(request.headers.get("x-podium-cli-token"))) {
    return Response.json({ error: "forbidden" }, { status: 403 });
  }
  const read = await readBodyJson(request, CLI_MAX_BODY);
  if (!read.ok) return read.response;
  const body = ZBody.safeParse(read.json ?? null);
  if (!body.success) return Response.json({ error: "expected { command, payload }" }, { status: 400 });
  const found = findCommand(body.data.command.split(" "));
  if (!found) return Response.json({ error: `unknown command: ${body.data.command}` }, { status: 400 });

  const db = await getDb();
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => controller.enqueue(encoder.encode(`${text.replaceAll("\n", "\n")}\n`));
      let code = 1;
      try {
        code = await found.command.execute(db, body.data.payload, {
          line: (t) => send(t),
          error: (t) => t.split("\n").forEach((l) => send(`\u0000err:${l}`)),
        });
      } catch (e) {
        send(`\u0000err:${e instanceof CliError ? e.message : `podium: ${(e as Error).message}`}`);
        code = e instanceof CliError ? e.exitCode : 1;
      }
      send(`${EXIT_MARKER}${code}`);
      controller.close();
    },
  });
  return new Response(stream, { headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}
