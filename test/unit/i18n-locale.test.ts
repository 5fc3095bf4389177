import { describe, expect, it } from "vitest";
import { chooseLocale, fromAcceptLanguage, localeCookie, parseLocale } from "@/lib/i18n/locale";

describe("the request's language (#19)", () => {
  it("reads Accept-Language: en and zh variants, by q then order, others ignored", () => {
    expect(fromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(fromAcceptLanguage("zh")).toBe("zh-CN");
    expect(fromAcceptLanguage("zh-Hans-CN")).toBe("zh-CN");
    expect(fromAcceptLanguage("en-US,en;q=0.9")).toBe("en");
    expect(fromAcceptLanguage("fr-FR, en;q=0.5, zh-CN;q=0.7")).toBe("zh-CN");
    expect(fromAcceptLanguage("de, fr;q=0.8")).toBeNull();
    expect(fromAcceptLanguage("zh-TW")).toBeNull();
    expect(fromAcceptLanguage("zh-CN;q=0, en;q=0.1")).toBe("en");
    expect(fromAcceptLanguage("")).toBeNull();
    expect(fromAcceptLanguage(null)).toBeNull();
  });

  it("parses a stored or posted value, and nothing else", () => {
    expect(parseLocale("zh-cn")).toBe("zh-CN");
    expect(parseLocale("en")).toBe("en");
    expect(parseLocale("zh")).toBeNull();
    expect(parseLocale("<script>")).toBeNull();
  });

  it("the user's choice (cookie, then their setting) > Accept-Language > the season's language > en", async () => {
    const season = () => "zh-CN";
    expect(await chooseLocale({ cookie: "en", user: "zh-CN", acceptLanguage: "zh-CN", season })).toBe("en");
    expect(await chooseLocale({ cookie: null, user: "zh-CN", acceptLanguage: "en-US", season: () => "en" })).toBe("zh-CN");
    expect(await chooseLocale({ cookie: "garbage", user: null, acceptLanguage: "zh-CN", season: () => "en" })).toBe("zh-CN");
    expect(await chooseLocale({ acceptLanguage: "fr", season })).toBe("zh-CN");
    expect(await chooseLocale({ acceptLanguage: "fr", season: () => null })).toBe("en");
    expect(await chooseLocale({})).toBe("en");
  });

  it("asks for the season only when nothing before it decides", async () => {
    let asked = 0;
    const season = () => {
      asked += 1;
      return "zh-CN";
    };
    await chooseLocale({ acceptLanguage: "en", season });
    expect(asked).toBe(0);
    await chooseLocale({ acceptLanguage: "", season });
    expect(asked).toBe(1);
  });

  it("keeps the choice a year on every path", () => {
    expect(localeCookie("zh-CN")).toBe("podium-locale=zh-CN; Path=/; Max-Age=31536000; SameSite=Lax");
  });
});
