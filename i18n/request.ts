import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getDb } from "@/db";
import { auth } from "@/lib/auth/session";
import { renderedVariant } from "@/lib/cache/rendered-variant";
import { chooseLocale, LOCALE_COOKIE } from "@/lib/i18n/locale";
import { messagesOf } from "@/lib/i18n/messages";
import { currentSeasonLanguage, userLocale } from "@/lib/queries/locale";

/**
 * next-intl without i18n routing (URLs carry no locale, CONTRACT.md): each request's language is the switcher's
 * cookie, else the signed-in user's stored choice, else `Accept-Language`, else the current season's `language`,
 * else English (lib/i18n/locale.ts). The database is asked only when the steps before it do not decide.
 * A rendered (cached, anonymous) page has its language in its path, which proxy.ts chose by the same order;
 * `auto` is the steps no request part decides, taken when the page is rendered (lib/cache/rendered.ts).
 */
export default getRequestConfig(async () => {
  const rendered = renderedVariant();
  if (rendered) {
    const locale = rendered.locale !== "auto" ? rendered.locale : await chooseLocale({ season: async () => currentSeasonLanguage(await getDb()) });
    return { locale, messages: messagesOf(locale), timeZone: "UTC" };
  }
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const acceptLanguage = (await headers()).get("accept-language");
  const locale = await chooseLocale({
    cookie,
    user: cookie ? null : await storedChoice(),
    acceptLanguage,
    season: async () => currentSeasonLanguage(await getDb()),
  });
  return { locale, messages: messagesOf(locale), timeZone: "UTC" };
});

async function storedChoice(): Promise<string | null> {
  const session = await auth();
  const id = session?.user?.id;
  return id ? userLocale(await getDb(), id) : null;
}
