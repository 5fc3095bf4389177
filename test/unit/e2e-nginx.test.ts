import { describe, expect, it } from "vitest";
import { nginxBinary, nginxConfig } from "../../e2e/proxy/nginx";

describe("the proxy e2e's nginx", () => {
  it("fails with the reason when nginx is not installed (the proxy e2e is never silently skipped)", () => {
    expect(() => nginxBinary(["/nonexistent/nginx"], "/nonexistent-bin")).toThrow(/nginx is not installed.*apt-get install nginx/);
  });

  it("is configured for TLS on the public name, connecting to Podium from its own address with the forwarding headers", () => {
    const conf = nginxConfig({ hostName: "podium.test", port: 4443, upstream: "http://127.0.0.1:3000", bindAddress: "127.0.0.2" }, "/tmp/x");
    for (const line of [
      "listen 127.0.0.1:4443 ssl;",
      "server_name podium.test;",
      "proxy_pass http://127.0.0.1:3000;",
      "proxy_bind 127.0.0.2;",
      "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
      "proxy_set_header X-Forwarded-Proto $scheme;",
      "pid /tmp/x/nginx.pid;",
      "daemon off;",
    ])
      expect(conf).toContain(line);
  });
});
