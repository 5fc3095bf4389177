import { describe, expect, it } from "vitest";
import { actionOriginRefused, malformedPathReason, originAllowedByList, repeatedParameter } from "@/lib/http/request-guards";

describe("malformedPathReason", () => {
  it("names the segment that does not decode", () => {
    expect(malformedPathReason("/u/%E0%A4%A")).toBe('malformed percent-encoding in the path segment "%E0%A4%A"');
    expect(malformedPathReason("/seasons/%")).toBe('malformed percent-encoding in the path segment "%"');
    expect(malformedPathReason("/api/participants/%ZZ")).toMatch(/"%ZZ"/);
    expect(malformedPathReason("/api/seasons/%/leaderboard")).toMatch(/"%"$/);
    // A lone surrogate encoded in UTF-8 is not UTF-8.
    expect(malformedPathReason("/u/%ED%A0%80")).toMatch(/"%ED%A0%80"/);
  });

  it("passes well-formed paths, encoded or not", () => {
    for (const p of ["/", "/u/some-one", "/u/%E0%A4%A8", "/seasons/2020-s2/tasks/12", "/api/participants/a%20b/badge.svg"]) expect(malformedPathReason(p)).toBeNull();
  });
});

describe("repeatedParameter", () => {
  it("names the first parameter given twice", () => {
    expect(repeatedParameter(new URLSearchParams("limit=1&limit=2"))).toBe("limit");
    expect(repeatedParameter(new URLSearchParams("offset=0&repo=a&repo=b&offset=1"))).toBe("repo");
    expect(repeatedParameter(new URLSearchParams("limit=1&offset=2&repo=a"))).toBeNull();
  });
});

describe("originAllowedByList (Next's allowedOrigins table)", () => {
  const cases: [string, string, boolean][] = [
    ["my-proxy.com", "my-proxy.com", true],
    ["my-proxy.com", "my-proxy.com:8443", false],
    ["my-proxy.com", "app.my-proxy.com", false],
    ["*.my-proxy.com", "app.my-proxy.com", true],
    ["*.my-proxy.com", "my-proxy.com", false],
    ["*.my-proxy.com", "app.my-proxy.com:8443", false],
    ["**.my-proxy.com", "app.my-proxy.com", true],
    ["**.my-proxy.com", "app.eu.my-proxy.com", true],
    ["**.my-proxy.com", "my-proxy.com", false],
    ["my-proxy.com:8443", "my-proxy.com:8443", true],
    ["my-proxy.com:8443", "my-proxy.com", false],
    ["*", "anything", false],
    ["My-Proxy.COM", "my-proxy.com", true],
  ];
  for (const [entry, host, allowed] of cases) {
    it(`${entry} ${allowed ? "matches" : "does not match"} ${host}`, () => expect(originAllowedByList(host, [entry])).toBe(allowed));
  }
});

describe("actionOriginRefused", () => {
  const h = (origin: string | null, host: string | null, forwardedHost: string | null = null) => ({ origin, host, forwardedHost });
  it("lets the app's own origin through, by Host or by the first X-Forwarded-Host", () => {
    expect(actionOriginRefused(h("http://localhost:3000", "localhost:3000"), [])).toBe(false);
    expect(actionOriginRefused(h("https://podium.example", "127.0.0.1:3000", "podium.example, proxy.internal"), [])).toBe(false);
  });

  it("lets a request without an Origin through (not a browser's: the session decides)", () => {
    expect(actionOriginRefused(h(null, "localhost:3000"), [])).toBe(false);
  });

  it("refuses a foreign Origin, Origin: null, a mismatching X-Forwarded-Host or Host, and an Origin that is not a URL", () => {
    expect(actionOriginRefused(h("http://evil.example", "localhost:3000"), [])).toBe(true);
    expect(actionOriginRefused(h("null", "localhost:3000"), [])).toBe(true);
    expect(actionOriginRefused(h("http://localhost:3000", "localhost:3000", "evil.example"), [])).toBe(true);
    expect(actionOriginRefused(h("http://localhost:3000", "evil.example"), [])).toBe(true);
    expect(actionOriginRefused(h("not a url", "localhost:3000"), [])).toBe(true);
    expect(actionOriginRefused(h("http://localhost:3000", null), [])).toBe(true);
  });

  it("lets an Origin listed in allowedOrigins through", () => {
    expect(actionOriginRefused(h("https://app.my-proxy.com", "localhost:3000"), ["*.my-proxy.com"])).toBe(false);
  });
});
