import en from "@/messages/en.json" with { type: "json" };
import zhCN from "@/messages/zh-CN.json" with { type: "json" };
import type { Locale } from "./locale";

/** One catalogue per language (messages/*.json); test/unit/i18n-catalogues.test.ts keeps their keys equal. */
export type Messages = typeof en;
const CATALOGUES: Record<Locale, Messages> = { en, "zh-CN": zhCN };

export function messagesOf(locale: Locale): Messages {
  return CATALOGUES[locale];
}
