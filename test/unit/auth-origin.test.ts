import { describe, expect, it } from "vitest";
import { onPublicOrigin, publicOrigin } from "@/lib/auth/origin";

describe("the public origin Auth.js works on", () => {
  it("is AUTH_URL's when set, whatever the request says", () => {
    const h = new Headers({ host: "localhost:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "http" });
    expect(publicOrigin(h, "https://podium.test:8443/")).toBe("https://podium.test:8443");
  });

  it("is the request's host and scheme otherwise (127.0.0.1 stays 127.0.0.1)", () => {
    expect(publicOrigin(new Headers({ host: "127.0.0.1:3232", "x-forwarded-host": "127.0.0.1:3232", "x-forwarded-proto": "http" }), undefined)).toBe(
      "http://127.0.0.1:3232",
    );
    expect(publicOrigin(new Headers({ host: "localhost:3232", "x-forwarded-host": "podium.test", "x-forwarded-proto": "https" }), undefined)).toBe(
      "https://podium.test",
    );
    expect(publicOrigin(new Headers({ host: "podium.test" }), undefined)).toBe("http://podium.test");
  });

  it("is null for a host that is not one", () => {
    expect(publicOrigin(new Headers({ host: "a/b@c" }), undefined)).toBeNull();
    expect(publicOrigin(new Headers(), undefined)).toBeNull();
  });

  it("moves Next's http://localhost request URL onto it, keeping path and query", () => {
    expect(onPublicOrigin("http://localhost:3232/api/auth/callback/github?code=c&state=s", "http://127.0.0.1:3232")).toBe(
      "http://127.0.0.1:3232/api/auth/callback/github?code=c&state=s",
    );
    expect(onPublicOrigin("http://localhost:3232/x", null)).toBe("http://localhost:3232/x");
  });
});
