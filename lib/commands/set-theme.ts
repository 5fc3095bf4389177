import { THEMES } from "@/lib/theme";
import { userSettingCommand } from "./user-setting";

/** A signed-in user's colour theme (#19), chosen with the header's toggle: kept on the user (`users.theme`). */
export const setTheme = userSettingCommand("user.theme", "theme", THEMES, "expected light or dark");
