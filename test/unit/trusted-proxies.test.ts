import { describe, expect, it } from "vitest";
import { CLIENT_HEADER, PEER_HEADER, sanitizeForwardedHeaders } from "@/lib/security/forwarded-headers";
import { clientAddress, forwardedHost, forwardedProto, normalizeAddress, parseTrustedProxies } from "@/lib/security/trusted-proxies";

describe("PODIUM_TRUSTED_PROXIES", () => {
  it("matches single addresses and CIDRs, IPv4 and IPv6, and IPv4-mapped IPv6 peers", () => {
    const t = parseTrustedProxies("127.0.0.1, 10.1.0.0/16, 2001:db8::/32, ::1");
    expect(t.entries).toEqual(["127.0.0.1", "10.1.0.0/16", "2001:db8::/32", "::1"]);
    expect(["127.0.0.1", "::ffff:127.0.0.1", "10.1.255.254", "2001:db8:1::5", "::1", "[::1]"].map((a) => t.has(a))).toEqual([
      true, true, true, true, true, true,
    ]);
    expect(["127.0.0.2", "10.2.0.1", "2001:db9::1", "::2", "nonsense", ""].map((a) => t.has(a))).toEqual([false, false, false, false, false, false]);
  });

  it("is empty when unset: nobody is trusted", () => {
    expect(parseTrustedProxies(undefined).has("127.0.0.1")).toBe(false);
    expect(parseTrustedProxies(" , ").entries).toEqual([]);
  });

  it.each([
    ["localhost", /"localhost" is not an IP address or CIDR/],
    ["10.0.0.0/8/8", /"10.0.0.0\/8\/8" is not an IP address or CIDR/],
    ["10.0.0.0/33", /prefix length must be 0–32/],
    ["::/200", /prefix length must be 0–128/],
    ["10.0.0.0/x", /prefix length must be 0–32/],
    ["300.1.1.1", /not an IP address/],
  ])("refuses %s", (value, message) => {
    expect(() => parseTrustedProxies(value)).toThrow(message);
  });

  it("normalizes the forms sockets and proxies write", () => {
    expect(normalizeAddress("::FFFF:192.0.2.7")).toBe("192.0.2.7");
    expect(normalizeAddress("[2001:DB8::1]")).toBe("2001:db8::1");
    expect(normalizeAddress("192.0.2.7:5555")).toBe("192.0.2.7");
    expect(normalizeAddress("unknown")).toBeNull();
  });
});

describe("the client address", () => {
  const trusted = parseTrustedProxies("10.0.0.0/8, 127.0.0.1");

  it("is the socket peer when the peer is not a trusted proxy, whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.9", "198.51.100.1", trusted)).toBe("203.0.113.9");
    expect(clientAddress("203.0.113.9", "198.51.100.1, 10.0.0.1", trusted)).toBe("203.0.113.9");
  });

  it("from a trusted peer, is the rightmost X-Forwarded-For hop that is not a trusted proxy", () => {
    // client 198.51.100.7 → proxy 10.0.0.5 → proxy 10.0.0.6 → Podium; the client claimed to be 1.2.3.4.
    expect(clientAddress("10.0.0.6", "1.2.3.4, 198.51.100.7, 10.0.0.5", trusted)).toBe("198.51.100.7");
    expect(clientAddress("::ffff:127.0.0.1", "2001:db8::9", trusted)).toBe("2001:db8::9");
  });

  it("from a trusted peer without X-Forwarded-For, or with only trusted hops, is the leftmost trusted one", () => {
    expect(clientAddress("127.0.0.1", undefined, trusted)).toBe("127.0.0.1");
    expect(clientAddress("127.0.0.1", "10.0.0.3, 10.0.0.4", trusted)).toBe("10.0.0.3");
  });

  it("stops at a malformed hop: the proxy that forwarded it is the client", () => {
    expect(clientAddress("10.0.0.6", "1.2.3.4, garbage, 10.0.0.5", trusted)).toBe("10.0.0.5");
  });

  it("is 'unknown' without a peer address", () => {
    expect(clientAddress(undefined, "1.2.3.4", trusted)).toBe("unknown");
  });
});

describe("forwarded host and proto", () => {
  it("take the outermost proxy's value and only plausible ones", () => {
    expect(forwardedHost("Podium.Test:8443, inner.local")).toBe("podium.test:8443");
    expect(forwardedHost("[::1]:3000")).toBe("[::1]:3000");
    expect(forwardedHost("evil.example/path")).toBeNull();
    expect(forwardedHost("a b")).toBeNull();
    expect(forwardedProto("HTTPS, http")).toBe("https");
    expect(forwardedProto("javascript")).toBeNull();
  });
});

describe("the server's edge", () => {
  const trusted = parseTrustedProxies("127.0.0.2");
  const spoofed = () => ({
    host: "podium.test:8443",
    "x-forwarded-for": "6.6.6.6",
    "x-forwarded-host": "evil.example",
    "x-forwarded-proto": "https",
    "x-real-ip": "6.6.6.7",
    [PEER_HEADER]: "1.1.1.1",
    [CLIENT_HEADER]: "2.2.2.2",
  });

  it("drops every forwarding header from an untrusted peer and names the peer as the client", () => {
    const h: Record<string, string> = spoofed();
    sanitizeForwardedHeaders(h, "::ffff:192.0.2.50", trusted);
    expect(h).toEqual({ host: "podium.test:8443", [PEER_HEADER]: "192.0.2.50", [CLIENT_HEADER]: "192.0.2.50" });
  });

  it("keeps a trusted proxy's headers, the client being the forwarded address", () => {
    const h: Record<string, string> = { ...spoofed(), "x-forwarded-for": "6.6.6.6, 192.0.2.60", "x-forwarded-host": "podium.test:8443" };
    sanitizeForwardedHeaders(h, "127.0.0.2", trusted);
    expect(h).toEqual({
      host: "podium.test:8443",
      "x-forwarded-for": "6.6.6.6, 192.0.2.60",
      "x-forwarded-host": "podium.test:8443",
      "x-forwarded-proto": "https",
      [PEER_HEADER]: "127.0.0.2",
      [CLIENT_HEADER]: "192.0.2.60",
    });
  });

  it("drops an implausible forwarded host even from a trusted proxy", () => {
    const h: Record<string, string> = { ...spoofed(), "x-forwarded-host": "evil.example/x" };
    sanitizeForwardedHeaders(h, "127.0.0.2", trusted);
    expect(h["x-forwarded-host"]).toBeUndefined();
  });
});
