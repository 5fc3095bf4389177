import { z } from "zod";
import type { Locale } from "./locale";

/**
 * zod's own messages (a schema without a custom one: `Too small: expected string to have >=1 characters`) in a
 * locale, per call (#19): zod's zh-CN locale is called as a function here; `z.config` is never touched, so every
 * other parse keeps zod's English. An issue whose message is not zod's English one carries the schema's custom
 * message, which the catalogue translates (`errors.field.*`); so does one zod's English depends on the input for
 * (`received string`: the input is not kept in the issue), which therefore stays English.
 */
type ErrorMap = (issue: never) => { message: string } | string | undefined | null;
const LOCALE_MAPS: Partial<Record<Locale, ErrorMap>> = { "zh-CN": z.locales.zhCN().localeError as ErrorMap };
const english = z.locales.en().localeError as ErrorMap;

const text = (map: ErrorMap, issue: z.core.$ZodIssue): string | undefined => {
  const out = map(issue as never);
  return typeof out === "string" ? out : (out?.message ?? undefined);
};

/** zod's message for the issue in the locale, when the issue carries zod's own English message and zod has the locale. */
export function zodBuiltInMessage(issue: z.core.$ZodIssue, locale: Locale): string | undefined {
  const map = LOCALE_MAPS[locale];
  if (!map || text(english, issue) !== issue.message) return undefined;
  return text(map, issue);
}
