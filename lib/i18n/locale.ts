/**
 * The languages Podium speaks (#19) and how a request's language is chosen. Pure: the request's parts come in,
 * a locale goes out (`i18n/request.ts` reads them for next-intl; `lib/bot` uses the season's).
 */
export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
/** The cookie the header's switcher writes. */
export const LOCALE_COOKIE = "podium-locale";

/** A locale Podium has, from a stored or posted value (exact spelling, case aside); null for anything else. */
export function parseLocale(value: string | null | undefined): Locale | null {
  if (!value) return null;
  const v = value.trim().toLowerCase();
  return LOCALES.find((l) => l.toLowerCase() === v) ?? null;
}

/** One language tag of `Accept-Language` as a locale: en, en-*; zh, zh-CN, zh-Hans(-*), zh-SG → zh-CN. Others: null. */
function tagLocale(tag: string): Locale | null {
  const t = tag.toLowerCase();
  if (t === "en" || t.startsWith("en-")) return "en";
  if (t === "zh" || t === "zh-cn" || t === "zh-sg" || t === "zh-hans" || t.startsWith("zh-hans-")) return "zh-CN";
  return null;
}

/** The best locale `Accept-Language` asks for (by q, then order); null when it names none of ours. */
export function fromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { locale: tagLocale(tag.trim()), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((x): x is { locale: Locale; weight: number; index: number } => x.locale !== null && x.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked[0]?.locale ?? null;
}

export type LocaleSources = {
  /** The switcher's cookie. */
  cookie?: string | null;
  /** The signed-in user's stored setting (`users.locale`). */
  user?: string | null;
  acceptLanguage?: string | null;
  /** The season's default `language`; asked only when nothing before it decides. */
  season?: () => string | null | undefined | Promise<string | null | undefined>;
};

/** The user's choice (cookie, else their stored setting) > `Accept-Language` > the season's language > en. */
export async function chooseLocale(s: LocaleSources): Promise<Locale> {
  return (
    parseLocale(s.cookie) ??
    parseLocale(s.user) ??
    fromAcceptLanguage(s.acceptLanguage) ??
    parseLocale(s.season ? await s.season() : null) ??
    DEFAULT_LOCALE
  );
}

/** The cookie that keeps a choice for a year, on every path. */
export function localeCookie(locale: Locale): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
