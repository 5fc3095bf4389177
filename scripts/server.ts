/**
 * Podium's production HTTP server (started by `npm start`, scripts/start.ts): Next's request handler behind
 * a plain node:http server, so that each request's forwarding headers are weighed against the socket peer
 * before Next sees them (lib/security/forwarded-headers.ts). `next start` cannot do that: it keeps whatever
 * `X-Forwarded-For/-Host/-Proto` a client sends and does not expose the socket address to route handlers,
 * so a client could pick its own rate-limit key and, with `trustHost`, its own OAuth origin.
 */
import http from "node:http";
import next from "next";
import { sanitizeForwardedHeaders } from "../lib/security/forwarded-headers";
import { parseTrustedProxies } from "../lib/security/trusted-proxies";

const port = Number(process.env.PORT ?? 3000);
const trusted = parseTrustedProxies(process.env.PODIUM_TRUSTED_PROXIES);
const app = next({ dev: false, dir: process.cwd(), hostname: "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
  sanitizeForwardedHeaders(req.headers, req.socket.remoteAddress, trusted);
  handle(req, res).catch((e: unknown) => {
    console.error("podium: request failed", e);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
    res.end("internal error");
  });
});
// As `next start`: keep-alive longer than common proxies' (nginx: 60 s upstream) so they never reuse a closed socket.
server.keepAliveTimeout = 65_000;
server.listen(port, () => {
  console.log(`podium: listening on port ${port}${trusted.entries.length ? ` (trusted proxies: ${trusted.entries.join(", ")})` : ""}`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
