import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/app/_actions/set-locale";
import { LOCALES } from "@/lib/i18n/locale";

/** The action as a plain form's action (no previous state; what it returns is not shown: the page is rendered again). */
const switchLocale = setLocaleAction.bind(null, null) as unknown as (formData: FormData) => Promise<void>;

/**
 * The header's language switch (#19): a plain form (no client code), so it works before the page's JavaScript
 * runs. The action writes the `podium-locale` cookie (and the signed-in user's setting); the page is rendered again.
 */
export async function LocaleSwitcher() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("layout")]);
  const other = LOCALES.find((l) => l !== locale) ?? "en";
  return (
    <form action={switchLocale} className="locale-switch">
      <input type="hidden" name="locale" value={other} />
      <button type="submit" className="button secondary" lang={other} aria-label={t("switchToLabel")} data-testid="locale-switch">
        {t("switchTo")}
      </button>
    </form>
  );
}
