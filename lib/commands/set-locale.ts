import { LOCALES } from "@/lib/i18n/locale";
import { userSettingCommand } from "./user-setting";

/** A signed-in user's language (#19), chosen with the header's switcher: kept on the user (`users.locale`). */
export const setLocale = userSettingCommand("user.locale", "locale", LOCALES, "expected en or zh-CN");
