/**
 * One HTTP(S) request from a chosen loopback source address (Playwright's request context cannot pick one):
 * how the proxy e2e plays several clients and an untrusted peer on one machine.
 */
import http from "node:http";
import https from "node:https";

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

export function rawRequest(
  url: string,
  o: { from: string; method?: string; headers?: Record<string, string>; body?: string; servername?: string },
): Promise<RawResponse> {
  const u = new URL(url);
  const client = u.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      {
        host: "127.0.0.1",
        port: Number(u.port),
        path: `${u.pathname}${u.search}`,
        method: o.method ?? "GET",
        localAddress: o.from,
        headers: { host: u.host, ...o.headers },
        // The test's own self-signed certificate, for the public name.
        ...(u.protocol === "https:" ? { servername: o.servername ?? u.hostname, rejectUnauthorized: false } : {}),
        agent: false,
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(o.body);
  });
}
