import { describe, expect, it } from "vitest";
import { readBodyJson, readBodyText, readCapped } from "@/lib/http/read-body";

const KB = 1024;

/** A body that never ends: 1 KiB chunks for as long as anyone pulls; counts what it handed out. */
function endless() {
  const counter = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.bytes += KB;
      controller.enqueue(new Uint8Array(KB).fill(120));
    },
  }, { highWaterMark: 0 }); // pulled only when read
  return { stream, counter };
}

function fromChunks(...chunks: string[]) {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
      controller.close();
    },
  });
}

describe("readCapped", () => {
  it("cuts a body that never ends at the cap: null, and reading stopped just past it", async () => {
    const { stream, counter } = endless();
    expect(await readCapped(stream, 64 * KB)).toBeNull();
    // The 65th chunk takes the count past 64 KiB; not one more is pulled.
    expect(counter.bytes).toBe(65 * KB);
    const after = counter.bytes;
    await new Promise((r) => setTimeout(r, 20));
    expect(counter.bytes).toBe(after);
  });

  it("returns a body of exactly the cap, and refuses one byte more", async () => {
    expect(new TextDecoder().decode((await readCapped(fromChunks("ab", "cd"), 4))!)).toBe("abcd");
    expect(await readCapped(fromChunks("ab", "cde"), 4)).toBeNull();
  });

  it("reads a missing body as empty", async () => {
    expect(await readCapped(null, 10)).toEqual(new Uint8Array(0));
  });
});

describe("readBodyText", () => {
  it("refuses a declared Content-Length over the cap with 413 without reading a byte", async () => {
    const { stream, counter } = endless();
    const read = await readBodyText({ headers: new Headers({ "content-length": String(10 * 1024 * KB) }), body: stream }, 64 * KB);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.response.status).toBe(413);
    expect(read.response.headers.get("connection")).toBe("close");
    expect(await read.response.json()).toEqual({ error: "payload too large: the body may be at most 65536 bytes" });
    expect(counter.bytes).toBe(0);
  });

  it("refuses a chunked body (no Content-Length) that grows past the cap with 413", async () => {
    const { stream, counter } = endless();
    const read = await readBodyText({ headers: new Headers(), body: stream }, 8 * KB);
    expect(read.ok ? 200 : read.response.status).toBe(413);
    expect(counter.bytes).toBe(9 * KB);
  });

  it("also refuses a body longer than a Content-Length under the cap claims", async () => {
    const read = await readBodyText({ headers: new Headers({ "content-length": "3" }), body: fromChunks("x".repeat(20)) }, 10);
    expect(read.ok ? 200 : read.response.status).toBe(413);
  });

  it("decodes UTF-8 across chunk boundaries, bad bytes as U+FFFD (as request.text() does)", async () => {
    const bytes = new TextEncoder().encode("é€");
    const split = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes.slice(0, 1));
        c.enqueue(bytes.slice(1));
        c.enqueue(new Uint8Array([0xff]));
        c.close();
      },
    });
    expect(await readBodyText({ headers: new Headers(), body: split }, 100)).toEqual({ ok: true, text: "é€\uFFFD" });
  });
});

describe("readBodyJson", () => {
  it("parses JSON, gives undefined for text that is not JSON, and 413 past the cap", async () => {
    expect(await readBodyJson({ headers: new Headers(), body: fromChunks('{"a":', "1}") }, 100)).toEqual({ ok: true, json: { a: 1 } });
    expect(await readBodyJson({ headers: new Headers(), body: fromChunks("{nope") }, 100)).toEqual({ ok: true, json: undefined });
    const big = await readBodyJson({ headers: new Headers(), body: fromChunks("[1,", "2,3]") }, 4);
    expect(big.ok ? 200 : big.response.status).toBe(413);
  });
});
