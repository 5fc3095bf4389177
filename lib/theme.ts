/**
 * The colour theme (#19): the system's (`prefers-color-scheme`) unless the user chose one with the header's toggle,
 * kept in a cookie so the server renders the chosen theme at once (no flash of the wrong one). Pure.
 */
export const THEME_COOKIE = "podium-theme";
export const THEMES = ["light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

/** The chosen theme from the cookie's value; null (follow the system) for none or anything else. */
export function parseTheme(value: string | undefined | null): Theme | null {
  return value === "light" || value === "dark" ? value : null;
}

/** The cookie that keeps a choice for a year, on every path. */
export function themeCookie(theme: Theme): string {
  return `${THEME_COOKIE}=${theme}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
