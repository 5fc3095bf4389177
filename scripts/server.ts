/**
 * Podium's production HTTP server (started by `npm start`, scripts/start.ts): Next's request handler behind
 * a plain node:http server, so that each request's forwarding headers are weighed against the socket peer
 * before Next sees them (lib/security/forwarded-headers.ts). `next start` cannot do that: it keeps whatever
 * `X-Forwarded-For/-Host/-Proto` a client sends and does not expose the socket address to route handlers,
 * so a client could pick its own rate-limit key and, with `trustHost`, its own OAuth origin.
 *
 * With `PODIUM_WORKERS` above 1 (PostgreSQL only) this process forks that many such servers on the one port
 * (node:cluster, scripts/workers.ts) and only supervises them.
 */
import cluster from "node:cluster";
import http from "node:http";
import next from "next";
import { sanitizeForwardedHeaders } from "../lib/security/forwarded-headers";
import { parseTrustedProxies } from "../lib/security/trusted-proxies";
import { superviseWorkers, workersWanted } from "./workers";

async function serve(): Promise<void> {
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
    const who = cluster.isWorker ? ` (worker ${cluster.worker?.id}, pid ${process.pid})` : "";
    console.log(`podium: listening on port ${port}${who}${trusted.entries.length ? ` (trusted proxies: ${trusted.entries.join(", ")})` : ""}`);
  });

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      server.close();
      void app.close().finally(() => process.exit(0));
      setTimeout(() => process.exit(0), 5_000).unref();
    });
  }
}

const workers = cluster.isPrimary ? workersWanted() : 1;
if (workers > 1) superviseWorkers(workers);
else await serve();
