import { describe, expect, it } from "vitest";
import { safeCallbackPath, sameOriginRedirect } from "@/lib/auth/redirect";

describe("sign-in redirects stay on this site", () => {
  it.each([
    ["/seasons/2020-s2", "/seasons/2020-s2"],
    ["/u/x?tab=1", "/u/x?tab=1"],
    ["//evil.example/x", null],
    ["/\\evil.example", null],
    ["https://evil.example/x", null],
    ["http://podium.test/seasons/a?page=2", "/seasons/a?page=2"],
    ["http://podium.test/signin?callbackUrl=/admin", null],
    ["javascript:alert(1)", null],
    ["", null],
  ])("%s → %s", (value, expected) => {
    expect(safeCallbackPath(value, "podium.test")).toBe(expected);
  });

  it.each([
    ["/admin", "http://podium.test/admin"],
    ["http://podium.test/u/a", "http://podium.test/u/a"],
    ["https://evil.example/steal", "http://podium.test"],
    ["//evil.example", "http://podium.test"],
    ["not a url", "http://podium.test"],
  ])("Auth.js redirect %s → %s", (url, expected) => {
    expect(sameOriginRedirect(url, "http://podium.test")).toBe(expected);
  });
});
