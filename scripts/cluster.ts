/**
 * `npm run cluster -- --instances 3 [--port 3000]`: N Podium instances on one PostgreSQL (`DATABASE_URL`) behind
 * a small round-robin HTTP proxy, all on this machine (issue #17). Each instance is the production server
 * (`scripts/server.ts`, as `npm start` runs it) on port+1 … port+N; the proxy listens on port. The instances are
 * stateless: sessions are signed cookies, rate limits and the job queue are in the database.
 *
 * The proxy weighs the client's forwarding headers as an instance would (`PODIUM_TRUSTED_PROXIES`), then passes
 * on the client's address in `X-Forwarded-For` (and the host and scheme it was asked for); the instances trust
 * only the proxy (loopback). A GET or HEAD an instance refuses to connect for goes to the next one.
 */
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { envOrExit, failWith } from "./exit";
import { CLIENT_HEADER, PEER_HEADER, sanitizeForwardedHeaders } from "../lib/security/forwarded-headers";
import { parseTrustedProxies } from "../lib/security/trusted-proxies";
import { build, isBuilt } from "./build";

const fail = failWith("podium cluster");

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 1 || n > 65_535) fail(`--${name} needs a whole number (got ${process.argv[i + 1] ?? "nothing"})`);
  return n;
}

const env = envOrExit(fail);
if (!env.DATABASE_URL) fail("DATABASE_URL is required: the embedded database (PGlite) allows one process, several instances need PostgreSQL");
if (!env.AUTH_SECRET) fail("AUTH_SECRET is required: every instance must sign and read the same session cookies");
const instances = option("instances", 3);
if (instances > 64) fail("--instances may be at most 64");
const port = option("port", env.PORT ?? 3000);
const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PODIUM_TRUSTED_PROXIES: "127.0.0.1,::1" };
if (!isBuilt()) {
  console.log("podium cluster: building (first start, or the sources changed)…");
  if (!build(childEnv)) fail("the build failed (see above)");
}

const children: ChildProcess[] = [];
const upstreams = Array.from({ length: instances }, (_, i) => port + 1 + i);
for (const p of upstreams) {
  const child = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "server.ts")], { stdio: "inherit", env: { ...childEnv, PORT: String(p) } });
  child.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`podium cluster: the instance on port ${p} exited (${signal ?? code}); stopping`);
    stop(1);
  });
  children.push(child);
}

let stopping = false;
function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
  proxy.close();
  setTimeout(() => process.exit(code), 6_000).unref();
  const exited = children.map((c) => new Promise<void>((resolve) => (c.exitCode !== null ? resolve() : c.once("exit", () => resolve()))));
  void Promise.all(exited).then(() => process.exit(code));
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stop(0));

const trusted = parseTrustedProxies(process.env.PODIUM_TRUSTED_PROXIES);
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
let next = 0;

function forward(req: http.IncomingMessage, res: http.ServerResponse, headers: http.IncomingHttpHeaders, tries: number): void {
  const target = upstreams[next++ % upstreams.length]!;
  const upstream = http.request({ host: "127.0.0.1", port: target, method: req.method, path: req.url, headers, agent }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on("error", (error: NodeJS.ErrnoException) => {
    const idempotent = req.method === "GET" || req.method === "HEAD";
    if (idempotent && error.code === "ECONNREFUSED" && tries < upstreams.length) return forward(req, res, headers, tries + 1);
    if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
    res.end("bad gateway: no instance answered");
  });
  req.pipe(upstream);
}

const proxy = http.createServer((req, res) => {
  const headers = { ...req.headers };
  const host = (trusted.has(req.socket.remoteAddress ?? "") && headers["x-forwarded-host"]) || headers.host;
  const proto = (trusted.has(req.socket.remoteAddress ?? "") && headers["x-forwarded-proto"]) || "http";
  sanitizeForwardedHeaders(headers, req.socket.remoteAddress, trusted);
  const client = headers[CLIENT_HEADER] as string;
  delete headers[PEER_HEADER];
  delete headers[CLIENT_HEADER];
  headers["x-forwarded-for"] = client;
  if (host) headers["x-forwarded-host"] = String(host);
  headers["x-forwarded-proto"] = String(proto);
  forward(req, res, headers, 1);
});
proxy.keepAliveTimeout = 65_000;

async function ready(p: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`http://127.0.0.1:${p}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  fail(`the instance on port ${p} did not answer /api/health within 150 s`);
}
await Promise.all(upstreams.map(ready));
proxy.listen(port, () => console.log(`podium cluster: ${instances} instances (ports ${upstreams.join(", ")}) on one PostgreSQL, round-robin on http://localhost:${port}`));
