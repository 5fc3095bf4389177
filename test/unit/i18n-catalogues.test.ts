import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import { compareCatalogues, flatten, placeholders, type Catalogue } from "@/lib/i18n/catalogue-check";
import { LOCALES } from "@/lib/i18n/locale";
import { messagesOf } from "@/lib/i18n/messages";

describe("the message catalogues (#19)", () => {
  it("have the same keys, with the same ICU arguments and tags", () => {
    expect(compareCatalogues(en, zhCN)).toEqual({ missingInB: [], missingInA: [], placeholders: [] });
  });

  it("a key missing in one, or a placeholder renamed, is found", () => {
    const broken: Catalogue = structuredClone(zhCN);
    delete (broken.layout as Catalogue).skip;
    (broken.home as Catalogue).noSeasonsHint = "管理员可用赛季文件创建第一个赛季：{cmd}。";
    (broken.extra as unknown) = { only: "这里有" };
    expect(compareCatalogues(en, broken)).toEqual({ missingInB: ["layout.skip"], missingInA: ["extra.only"], placeholders: ["home.noSeasonsHint"] });
  });

  it("reads placeholders: arguments, plural arguments and tags, not plural branches", () => {
    expect(placeholders("{count, plural, one {<b>#</b> task} other {<b>#</b> tasks}} in {repo}")).toEqual(["<b>", "{count}", "{repo}"]);
    expect(placeholders("try again in {seconds, plural, =0 {a minute} other {# s}}")).toEqual(["{seconds}"]);
  });

  it.each(LOCALES)("every %s message is valid ICU and formats with its arguments", (locale) => {
    const t = createTranslator({ locale, messages: messagesOf(locale) });
    for (const [key, message] of flatten(messagesOf(locale))) {
      const values: Record<string, string | number | ((c: unknown) => string)> = {};
      for (const p of placeholders(message)) {
        if (p.startsWith("<")) values[p.slice(1, -1)] = (c) => String(c);
        else values[p.slice(1, -1)] = 2;
      }
      const text = t.markup(key as never, values as never);
      expect(text, key).not.toBe(key);
      expect(text, key).not.toMatch(/[{}]/);
    }
  });

  it("the Chinese catalogue is Chinese: most of its messages differ from the English ones", () => {
    const zh = new Map(flatten(zhCN));
    const same = flatten(en).filter(([k, v]) => zh.get(k) === v && v.length > 4);
    expect(same.map(([k]) => k)).toEqual([]);
  });
});
