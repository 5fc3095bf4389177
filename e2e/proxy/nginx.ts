/**
 * A real reverse proxy for the proxy e2e (e2e/proxy.spec.ts): Debian's nginx, terminating TLS for a custom
 * host name with a self-signed certificate made here, in front of a Podium instance. Everything lives in a
 * temporary folder; nginx runs in the foreground and is stopped with the test.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export type NginxOptions = {
  /** The public host name (its certificate's subject). */
  hostName: string;
  /** The loopback port nginx listens on with TLS. */
  port: number;
  /** Where Podium listens (plain HTTP). */
  upstream: string;
  /** The address nginx connects to Podium from (so Podium can trust it and nobody else on loopback). */
  bindAddress: string;
};

/** Where nginx is: Debian's path (`apt-get install nginx`), else on PATH; a clear error when it is not installed. */
export function nginxBinary(candidates = ["/usr/sbin/nginx", "/usr/bin/nginx"], searchPath = process.env.PATH ?? ""): string {
  for (const candidate of candidates) if (fs.existsSync(candidate)) return candidate;
  for (const folder of searchPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(folder, "nginx");
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error("nginx is not installed: the proxy e2e needs Debian's nginx (`apt-get install nginx`; .ci/run installs it)");
}

/** The nginx configuration: TLS on the public name, the usual proxy headers, logs and temp files in `dir`. */
export function nginxConfig(o: NginxOptions, dir: string): string {
  const runAs = process.getuid?.() === 0 ? "user root root;" : "";
  return `${runAs}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${o.port} ssl;
    server_name ${o.hostName};
    ssl_certificate ${dir}/cert.pem;
    ssl_certificate_key ${dir}/key.pem;
    location / {
      proxy_pass ${o.upstream};
      proxy_bind ${o.bindAddress};
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $http_host;
    }
  }
}
`;
}

/** A self-signed certificate for `hostName` (openssl, as on Debian). */
function makeCertificate(dir: string, hostName: string): void {
  const r = spawnSync(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", `/CN=${hostName}`, "-addext", `subjectAltName=DNS:${hostName}`,
      "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem")],
    { encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`openssl could not make the test certificate: ${r.error?.message ?? r.stderr}`);
}

const listening = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });

export type RunningNginx = { dir: string; stop(): Promise<void> };

/** Starts nginx in the foreground; resolves once it accepts connections (or rejects with its error log). */
export async function startNginx(o: NginxOptions): Promise<RunningNginx> {
  const binary = nginxBinary();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "podium-nginx-"));
  makeCertificate(dir, o.hostName);
  fs.writeFileSync(path.join(dir, "nginx.conf"), nginxConfig(o, dir));
  const child: ChildProcess = spawn(binary, ["-p", dir, "-e", path.join(dir, "error.log"), "-c", path.join(dir, "nginx.conf")], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const log = () => `${stderr}${fs.existsSync(path.join(dir, "error.log")) ? fs.readFileSync(path.join(dir, "error.log"), "utf8") : ""}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${log()}`);
    if (await listening(o.port)) break;
    if (i === 99) throw new Error(`nginx did not listen on ${o.port}: ${log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    dir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGQUIT");
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
