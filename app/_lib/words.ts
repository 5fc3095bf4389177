import { getLocale } from "next-intl/server";
import { DEFAULT_LOCALE, parseLocale, type Locale } from "@/lib/i18n/locale";
import { renderWords, type Words } from "@/lib/i18n/words";

/** The request's locale (i18n/request.ts decides it), as one of ours. */
export async function pageLocale(): Promise<Locale> {
  return parseLocale(await getLocale()) ?? DEFAULT_LOCALE;
}

/** Catalogue words (an outcome, a gate's line) in the request's language. */
export async function wordsReader(): Promise<(w: Words) => string> {
  const locale = await pageLocale();
  return (w) => renderWords(w, locale);
}
