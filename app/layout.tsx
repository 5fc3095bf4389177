import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { getDb } from "@/db";
import { auth } from "@/lib/auth/session";
import type { Variant } from "@/lib/cache/rendered";
import { renderedVariant } from "@/lib/cache/rendered-variant";
import { env } from "@/lib/env";
import { userTheme } from "@/lib/queries/theme";
import { parseTheme, THEME_COOKIE, type Theme } from "@/lib/theme";
import { LocaleSwitcher } from "./_components/locale-switcher";
import { ThemeToggle } from "./_components/theme-toggle";
import { UserMenu } from "./_components/user-menu";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("layout");
  return { title: { default: "Podium", template: "%s · Podium" }, description: t("description") };
}

/**
 * The theme chosen with the toggle, set on <html> so the first paint has it: this browser's cookie, else the
 * signed-in user's stored choice (their other browsers); none: the system's (`prefers-color-scheme`).
 */
async function chosenTheme(): Promise<{ theme: Theme | null; signedIn: boolean; rendered: Variant | null }> {
  // A rendered (cached, anonymous) page has its theme in its path (lib/cache/rendered.ts), and is rendered for nobody.
  const rendered = renderedVariant();
  if (rendered) return { theme: rendered.theme === "system" ? null : rendered.theme, signedIn: false, rendered };
  const [jar, session] = await Promise.all([cookies(), auth()]);
  const id = session?.user?.id;
  const theme = parseTheme(jar.get(THEME_COOKIE)?.value) ?? (id ? await userTheme(await getDb(), id) : null);
  return { theme, signedIn: id !== undefined, rendered: null };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const demo = env().demo;
  // The request's language (i18n/request.ts): the user's choice, else Accept-Language, else the season's, else en.
  const [{ theme, signedIn, rendered }, locale, t] = await Promise.all([chosenTheme(), getLocale(), getTranslations("layout")]);
  return (
    <html lang={locale} data-theme={theme ?? undefined}>
      <body>
        <a className="skip" href="#main">
          {t("skip")}
        </a>
        {demo && (
          <div className="banner" role="status" data-testid="demo-banner">
            {t("demoBanner")}
          </div>
        )}
        <header className="header">
          <div className="header-inner">
            <Link href="/" className="brand">
              <span className="brand-mark" aria-hidden="true" />
              Podium
            </Link>
            <nav className="nav" aria-label={t("navLabel")}>
              <Link href="/">{t("navSeasons")}</Link>
              <Link href="/rankings">{t("navAllTime")}</Link>
              <Link href="/map">{t("navMap")}</Link>
              <Link href="/shop">{t("navShop")}</Link>
              <Link href="/admin">{t("navAdmin")}</Link>
            </nav>
            <div className="header-end">
              <LocaleSwitcher />
              <ThemeToggle initial={theme} label={t("darkMode")} signedIn={signedIn} />
              <UserMenu anonymous={rendered !== null} />
            </div>
          </div>
        </header>
        <main id="main">{children}</main>
        <footer className="footer">
          <div className="footer-inner">
            {t("footer")} <a href="/api/seasons">API</a>
          </div>
        </footer>
      </body>
    </html>
  );
}
