import "server-only";
import { setLocale } from "@/lib/commands/set-locale";
import { LOCALE_COOKIE } from "@/lib/i18n/locale";
import { chooseUserSetting } from "./user-setting-action";

/** The header's language switcher: the `podium-locale` cookie, and for a signed-in user the `user.locale` command. */
export const chooseLocaleAction = (formData: FormData) => chooseUserSetting(formData, LOCALE_COOKIE, setLocale);
