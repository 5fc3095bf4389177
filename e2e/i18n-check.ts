/**
 * The "no English on a Chinese page" check (#19), shared by the i18n specs: the catalogue's English fragments
 * (each en message that differs from its zh-CN one, cut into literal runs of two words or more) looked for in
 * a page's text.
 */
import fs from "node:fs";
import { expect, type Page } from "@playwright/test";
import { flatten, type Catalogue } from "@/lib/i18n/catalogue-check";

const catalogue = (locale: string): Catalogue => JSON.parse(fs.readFileSync(`messages/${locale}.json`, "utf8")) as Catalogue;
const en = catalogue("en");
const zhCN = catalogue("zh-CN");

/** The switch names the other language in that language: "English" on a Chinese page is right. */
const IGNORED_KEYS = new Set(["layout.switchTo", "layout.switchToLabel", "layout.languageName"]);

/**
 * The English texts to look for: each en message that differs from its zh-CN one, cut at its ICU arguments and
 * tags into literal runs, keeping runs of two words or more (a lone word may be a proper noun or user content).
 */
export function englishFragments(): string[] {
  const zh = new Map(flatten(zhCN));
  const out = new Set<string>();
  for (const [key, message] of flatten(en)) {
    if (IGNORED_KEYS.has(key) || zh.get(key) === message) continue;
    for (const run of message.split(/\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|<\/?[a-z]+>|[`“”()]/)) {
      const text = run.replace(/[.:·—–←→]/g, " ").replace(/\s+/g, " ").trim();
      if (/^[A-Za-z][A-Za-z'’-]*( [A-Za-z'’-]+)+$/.test(text)) out.add(text);
    }
  }
  return [...out];
}

/** The catalogue's English fragments in the page's text (whole words). */
export async function englishOn(page: Page, fragments: string[]): Promise<string[]> {
  const text = (await page.locator("body").innerText()).replace(/\s+/g, " ");
  return fragments.filter((f) => new RegExp(`(^|[^A-Za-z])${f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}([^A-Za-z]|$)`).test(text));
}

export async function expectChinese(page: Page, path: string, fragments: string[]) {
  await page.goto(path);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  expect(await englishOn(page, fragments), `English on ${path}`).toEqual([]);
}
