import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getDb } from "@/db";
import { auth } from "@/lib/auth/session";
import { chooseLocale, LOCALE_COOKIE } from "@/lib/i18n/locale";
import { messagesOf } from "@/lib/i18n/messages";
import { currentSeasonLanguage, userLocale } from "@/lib/queries/locale";

/**
 * next-intl without i18n routing (URLs carry no locale, CONTRACT.md): each request's language is the switcher's
 * cookie, else the signed-in user's stored choice, else `Accept-Language`, else the current season's `language`,
 * else English (lib/i18n/locale.ts). The database is asked only when the steps before it do not decide.
 */
export default getRequestConfig(async () => {
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
