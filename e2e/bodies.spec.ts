/**
 * Bodies are bounded while they are read (issue #13, item 2): an oversized body is refused with 413 early,
 * and the server's memory does not grow with it. The server is the production build; its resident memory
 * is read from /proc.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { peakGrowthMiB, pidListeningOn } from "./server-process";

const MiB = 1024 * 1024;
const WEBHOOK_HEADERS = { "content-type": "application/json", "x-github-event": "issues", "x-github-delivery": "e2e-huge-1" };

type Sent = { status: number; body: string; sentMiB: number; ms: number };

/**
 * POSTs `prefix`, then up to `totalMiB` of filler in 1 MiB chunks (chunked, no Content-Length, unless the
 * headers declare one), and stops sending as soon as the answer arrives.
 */
function streamPost(baseURL: string, urlPath: string, headers: Record<string, string>, totalMiB: number, prefix = Buffer.alloc(0)): Promise<Sent> {
  const chunk = Buffer.alloc(MiB, 0x61);
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const url = new URL(urlPath, baseURL);
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers });
    let sent = 0;
    let answered = false;
    if (prefix.length > 0) req.write(prefix);
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, body, sentMiB: sent, ms: Date.now() - t0 });
        req.destroy();
      });
    });
    req.on("error", (e) => (answered ? undefined : reject(e)));
    const write = () => {
      while (!answered && sent < totalMiB) {
        sent++;
        if (!req.write(chunk)) return void req.once("drain", write);
      }
      if (!answered) req.end();
    };
    write();
  });
}

const port = (baseURL: string) => Number(new URL(baseURL).port);

test("a chunked 200 MB webhook POST without Content-Length is refused with 413 early, and the server stays small", async ({ baseURL }) => {
  const pid = pidListeningOn(port(baseURL!));
  const { result, growth } = await peakGrowthMiB(pid, () => streamPost(baseURL!, "/api/webhooks/github", WEBHOOK_HEADERS, 200));
  expect(result.status, result.body).toBe(413);
  // Reading stopped at the 25 MiB cap: far less than the 200 MiB was taken, quickly.
  expect(result.sentMiB).toBeLessThan(100);
  expect(result.ms).toBeLessThan(10_000);
  // Without the bounded reader the whole body was held (as text, twice over): hundreds of MiB.
  expect(growth).toBeLessThan(60);
  expect(JSON.parse(result.body)).toEqual({ error: `payload too large: the body may be at most ${25 * MiB} bytes` });
});

test("a webhook POST declaring a Content-Length over the cap is refused with 413 before its body is sent", async ({ baseURL }) => {
  // The declared 300 MiB never arrive: only the first MiB is sent, and the answer comes anyway.
  const res = await streamPost(baseURL!, "/api/webhooks/github", { ...WEBHOOK_HEADERS, "content-length": String(300 * MiB) }, 1);
  expect(res.status).toBe(413);
  expect(JSON.parse(res.body).error).toMatch(/^payload too large/);
});

/** A server action of this build (by its file in app/_actions) and a page whose form uses it. */
function actionRef(name: string): { id: string; page: string } {
  const manifest = JSON.parse(fs.readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; workers: Record<string, unknown> }>;
  };
  for (const [id, entry] of Object.entries(manifest.node)) {
    const page = Object.keys(entry.workers)[0];
    if (entry.filename === `app/_actions/${name}.ts` && page) return { id, page: page.replace(/^app/, "").replace(/\/page$/, "") || "/" };
  }
  throw new Error(`no server action ${name} in this build`);
}

for (const [name, chunked] of [
  ["with a Content-Length", false],
  ["chunked", true],
] as const) {
  test(`a 64 MB multipart server action POST (${name}) is refused with 413 and the server stays small`, async ({ baseURL }) => {
    const ref = actionRef("save-season");
    const boundary = "----e2eBoundary7MA4YWxkTrZu0gW";
    // The season editor's field, as React frames a form: the JSON field first (it never ends here).
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_1_json"\r\n\r\n`);
    const headers: Record<string, string> = {
      "content-type": `multipart/form-data; boundary=${boundary}`,
      "next-action": ref.id,
      accept: "text/x-component",
      origin: new URL(baseURL!).origin,
    };
    if (!chunked) headers["content-length"] = String(head.length + 64 * MiB);
    const pid = pidListeningOn(port(baseURL!));
    const { result, growth } = await peakGrowthMiB(pid, () => streamPost(baseURL!, ref.page, headers, 64, head));
    expect(result.status, result.body.slice(0, 300)).toBe(413);
    expect(JSON.parse(result.body).error).toMatch(/^payload too large/);
    expect(growth).toBeLessThan(60);
  });
}

test("the largest legitimate action body, the season editor's 200 000 characters of CJK JSON (600 kB), still reaches the action", async ({ request, baseURL }) => {
  const ref = actionRef("save-season");
  const body = new FormData();
  body.append("_1_json", "語".repeat(200_000));
  body.append("0", JSON.stringify([null, "$K1"]));
  const res = await request.post(ref.page, { headers: { "Next-Action": ref.id, Accept: "text/x-component", Origin: new URL(baseURL!).origin }, multipart: body, maxRedirects: 0 });
  const text = await res.text();
  expect(res.status(), text.slice(0, 300)).toBe(200);
  // Anonymous: the action ran and refused by session, so the body was read whole.
  expect(text).toMatch(/"ok":false,"code":"UNAUTHENTICATED"/);
});
