import crypto from "node:crypto";
import { z } from "zod";
import { getDb } from "@/db";
import { cliCallResponse } from "@/cli/internal";
import { CLI_MAX_BODY, readBodyJson } from "@/lib/http/read-body";
import { registerSecret } from "@/lib/security/redact";
import { cliToken } from "@/lib/server/boot";

export const dynamic = "force-dynamic";

const ZBody = z.object({ command: z.string().min(1).max(100), payload: z.unknown() });

function tokenMatches(given: string | null): boolean {
  const expected = cliToken();
  registerSecret(expected); // never echoed in an error or a log line from here on
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
  return cliCallResponse(body.data, getDb);
}
