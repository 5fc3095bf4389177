/**
 * The admin pages' sentences built from the catalogue (#19): in English they say what the pages and the CLI said
 * before translation (the literal sentences, written out here), in Chinese they are Chinese, and the selects over
 * stored values fall back to the value itself.
 */
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { messagesOf } from "@/lib/i18n/messages";
import { moveWords, type MoveTranslator } from "@/lib/seasons/move-words";
import { describeMove, type RankingMove } from "@/lib/seasons/ranking-moves";

const translator = (locale: "en" | "zh-CN") => createTranslator({ locale, messages: messagesOf(locale) });
const editor = (locale: "en" | "zh-CN") => createTranslator({ locale, messages: messagesOf(locale), namespace: "seasonEditor" }) as unknown as MoveTranslator;

const MOVES: RankingMove[] = [
  { slug: "s", ranking: "individuals", who: "alice", before: { rank: 3, score: 500 }, after: { rank: 2, score: 600 } },
  { slug: "s", ranking: "teams", who: "red", before: { rank: 1, score: 900 }, after: { rank: null, score: 800 } },
  { slug: "s", ranking: "individuals", who: "bob", before: null, after: { rank: 7, score: 100 } },
  { slug: "s", ranking: "individuals", who: "cy", before: { rank: 4, score: 50 }, after: null },
];

describe("the season editor's preview words", () => {
  it("in English, each move reads exactly as the CLI's describeMove", () => {
    expect(MOVES.map((m) => moveWords(editor("en"), m))).toEqual([
      "alice: #3 → #2, 500 → 600 points (+100)",
      "team red: #1 → unranked, 900 → 800 points (-100)",
      "bob: not ranked → #7, 0 → 100 points (+100)",
      "cy: #4 → not ranked, 50 → 0 points (-50)",
    ]);
    expect(MOVES.map((m) => moveWords(editor("en"), m))).toEqual(MOVES.map(describeMove));
  });

  it("in Chinese, the same moves in Chinese", () => {
    expect(moveWords(editor("zh-CN"), MOVES[0]!)).toBe("alice：第 3 名 → 第 2 名，500 → 600 积分（+100）");
    expect(moveWords(editor("zh-CN"), MOVES[1]!)).toBe("战队 red：第 1 名 → 不参与排名，900 → 800 积分（-100）");
  });

  it("a season that would change: the count and the action, in both languages", () => {
    expect(translator("en")("seasonEditor.wouldBe", { slug: "s1", action: "updated", count: 1 })).toBe("s1 would be updated (1 change)");
    expect(translator("en")("seasonEditor.wouldBe", { slug: "s1", action: "created", count: 0 })).toBe("s1 would be created (0 changes)");
    expect(translator("zh-CN")("seasonEditor.wouldBe", { slug: "s1", action: "updated", count: 2 })).toBe("s1 将被更新（2 处变更）");
  });
});

describe("stored values through selects", () => {
  it("a job state, a redemption status, a wallet kind: named in Chinese, themselves in English, an unknown one as is", () => {
    const [en, zh] = [translator("en"), translator("zh-CN")];
    expect([en("adminJobs.stateName", { state: "failed" }), zh("adminJobs.stateName", { state: "failed" }), zh("adminJobs.stateName", { state: "expired" })]).toEqual(["failed", "失败", "expired"]);
    expect([en("shop.statusName", { status: "requested" }), zh("shop.statusName", { status: "shipped" })]).toEqual(["requested", "已发货"]);
    expect([en("wallet.kind", { kind: "spend" }), zh("wallet.kind", { kind: "refund" })]).toEqual(["spend", "退还"]);
  });

  it("a gift's stock: left, or out of stock at 0 (as the page said before)", () => {
    const en = translator("en");
    const zh = translator("zh-CN");
    const plain = { strong: (x: unknown) => String(x) };
    expect(en.rich("shop.price", { cost: 120, stock: 2, ...plain })).toBe("120 credits · 2 left");
    expect(en.rich("shop.price", { cost: 120, stock: 0, ...plain })).toBe("120 credits · out of stock");
    expect(zh.rich("shop.price", { cost: 120, stock: 0, ...plain })).toBe("120 贡献币 · 已售罄");
  });

  it("the report's week sentence, with and without a busiest week", () => {
    const en = translator("en");
    expect(en("report.weeklyDescription", { tasks: 61, weeks: 15, busiest: "yes", week: 8, count: 8 })).toBe("61 tasks over 15 weeks; the busiest was week 8 with 8.");
    expect(en("report.weeklyDescription", { tasks: 0, weeks: 3, busiest: "no", week: 0, count: 0 })).toBe("0 tasks over 3 weeks.");
    expect(translator("zh-CN")("report.weeklyDescription", { tasks: 61, weeks: 15, busiest: "yes", week: 8, count: 8 })).toBe("15 周内共完成 61 个任务；最多的是第 8 周，完成 8 个。");
  });
});
