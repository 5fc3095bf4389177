/**
 * The one way a route reads a request body: bounded while it is read. A declared Content-Length over the
 * cap is refused before a byte is read; otherwise the stream is counted chunk by chunk and reading stops
 * as soon as the count passes the cap (chunked bodies without a Content-Length included), so an oversized
 * body never sits in memory. The refusal asks the client to close the connection, so the rest of the
 * body is not pulled off the wire either.
 */

/** A Request, or anything with its headers and body stream. */
export type BodySource = { headers: Headers; body: ReadableStream<Uint8Array> | null };

export type BodyRead = { ok: true; text: string } | { ok: false; response: Response };

export const tooLarge = (maxBytes: number) =>
  Response.json(
    { error: `payload too large: the body may be at most ${maxBytes} bytes` },
    { status: 413, headers: { "cache-control": "no-store", connection: "close" } },
  );

/** The body's bytes, or null once more than maxBytes have arrived (reading stops there). */
export async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Stop pulling; the stream is left to the server, which closes the connection (see tooLarge).
      reader.releaseLock();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** The request's body as UTF-8 text (bad bytes become U+FFFD, as `request.text()` does), or a 413 response. */
export async function readBodyText(request: BodySource, maxBytes: number): Promise<BodyRead> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) return { ok: false, response: tooLarge(maxBytes) };
  const bytes = await readCapped(request.body, maxBytes);
  if (!bytes) return { ok: false, response: tooLarge(maxBytes) };
  return { ok: true, text: new TextDecoder().decode(bytes) };
}

/** The body parsed as JSON, or undefined when it is not JSON (the caller's schema names what is wrong). */
export async function readBodyJson(request: BodySource, maxBytes: number): Promise<{ ok: true; json: unknown } | { ok: false; response: Response }> {
  const read = await readBodyText(request, maxBytes);
  if (!read.ok) return read;
  try {
    return { ok: true, json: JSON.parse(read.text) as unknown };
  } catch {
    return { ok: true, json: undefined };
  }
}

/** The CLI's internal route: its largest payload is a season or map file read from disk; 16 MiB is ample. */
export const CLI_MAX_BODY = 16 * 1024 * 1024;
