import "server-only";
import { setTheme } from "@/lib/commands/set-theme";
import { THEME_COOKIE } from "@/lib/theme";
import { chooseUserSetting } from "./user-setting-action";

/** The header's theme toggle: the `podium-theme` cookie, and for a signed-in user the `user.theme` command. */
export const chooseThemeAction = (formData: FormData) => chooseUserSetting(formData, THEME_COOKIE, setTheme);
