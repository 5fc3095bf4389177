import { describe, expect, it } from "vitest";
import { maySignedIn, parseRepoSegment, parseVariantSegment, rankingQuery, renderedPath, repoSegment, variantOf, variantSegment } from "@/lib/cache/rendered";

const q = (s: string) => new URLSearchParams(s);
const en = { locale: "en", theme: "system" } as const;

describe("rendered pages: which cached page an anonymous request gets", () => {
  it("takes the language as the locale order does without a user: cookie, Accept-Language, else auto (the season's, else en)", () => {
    expect(variantOf({ localeCookie: "zh-CN", acceptLanguage: "en-US" })).toEqual({ locale: "zh-CN", theme: "system" });
    expect(variantOf({ localeCookie: "klingon", acceptLanguage: "zh-Hans-CN,en;q=0.5" })).toEqual({ locale: "zh-CN", theme: "system" });
    expect(variantOf({ acceptLanguage: "fr-FR" })).toEqual({ locale: "auto", theme: "system" });
    expect(variantOf({})).toEqual({ locale: "auto", theme: "system" });
    expect(variantOf({ themeCookie: "dark" }).theme).toBe("dark");
    expect(variantOf({ themeCookie: "purple" }).theme).toBe("system");
  });

  it("writes the variant as one segment and reads back only what it writes", () => {
    for (const locale of ["en", "zh-CN", "auto"] as const) {
      for (const theme of ["light", "dark", "system"] as const) expect(parseVariantSegment(variantSegment({ locale, theme }))).toEqual({ locale, theme });
    }
    expect(variantSegment({ locale: "zh-CN", theme: "dark" })).toBe("zh-CN.dark");
    for (const bad of ["", "en", "en.", "zh-cn.dark", "en.dark.x", "fr.light", "en.blue", "[variant]", "layout"]) expect(parseVariantSegment(bad)).toBeNull();
  });

  it("keeps a request that may be signed in (any Auth.js session cookie) off the cached page", () => {
    expect(maySignedIn(["authjs.session-token"])).toBe(true);
    expect(maySignedIn(["podium-locale", "__Secure-authjs.session-token"])).toBe(true);
    expect(maySignedIn(["authjs.session-token.0"])).toBe(true);
    expect(maySignedIn(["podium-theme", "podium-locale", "authjs.csrf-token", "authjs.callback-url"])).toBe(false);
    expect(maySignedIn([])).toBe(false);
  });

  it("reads the ranking page's query as the page does: a bad, repeated or missing value is the default", () => {
    expect(rankingQuery(q(""))).toEqual({ page: 1, view: "individuals", repo: undefined });
    expect(rankingQuery(q("page=3&view=teams&repo=pingcap/tidb"))).toEqual({ page: 3, view: "teams", repo: "pingcap/tidb" });
    for (const page of ["0", "-1", "2.5", "abc", "", "100001"]) expect(rankingQuery(q(`page=${page}`)).page).toBe(1);
    expect(rankingQuery(q("page=100000")).page).toBe(100_000);
    expect(rankingQuery(q("page=2&page=3")).page).toBe(1);
    expect(rankingQuery(q("view=Teams")).view).toBe("individuals");
    expect(rankingQuery(q("repo=not-a-repo")).repo).toBeUndefined();
    expect(rankingQuery(q("repo=a/b&repo=c/d")).repo).toBeUndefined();
  });

  it("puts the query in the path, so pages that show the same share one entry", () => {
    expect(renderedPath("/seasons/2020-s2", q(""), en)).toBe("/rendered/en.system/seasons/2020-s2/individuals/1/all");
    expect(renderedPath("/seasons/2020-s2", q("utm_source=x&page=1"), en)).toBe("/rendered/en.system/seasons/2020-s2/individuals/1/all");
    expect(renderedPath("/seasons/2020-s2", q("view=teams&page=2&repo=tikv/tikv"), { locale: "auto", theme: "dark" })).toBe("/rendered/auto.dark/seasons/2020-s2/teams/2/tikv~tikv");
    expect(repoSegment("pingcap/tidb.docs")).toBe("pingcap~tidb.docs");
    expect(parseRepoSegment("pingcap~tidb.docs")).toBe("pingcap/tidb.docs");
    expect(parseRepoSegment("all")).toBeUndefined();
    expect(parseRepoSegment("no-slash")).toBeNull();
  });

  it("serves nothing else from the rendered cache", () => {
    expect(renderedPath("/", q("x=1"), { locale: "zh-CN", theme: "light" })).toBe("/rendered/zh-CN.light/home");
    for (const path of ["/index", "//", "/seasons", "/seasons/2020-s2/tasks", "/seasons/2020-s2/", "/seasons/Bad_Slug", "/u/ann", "/rendered/en.system/seasons/x/individuals/1/all"]) {
      expect(renderedPath(path, q(""), en)).toBeNull();
    }
  });
});
