import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { env } from "@/lib/env";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";
import { ThemeToggle } from "./_components/theme-toggle";
import { UserMenu } from "./_components/user-menu";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Podium", template: "%s · Podium" },
  description: "Seasons, scored tasks and rankings for open-source challenge programs.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const demo = env().demo;
  // The theme chosen with the toggle, set on <html> here so the first paint has it; none: the system's.
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" data-theme={theme ?? undefined}>
      <body>
        <a className="skip" href="#main">
          Skip to content
        </a>
        {demo && (
          <div className="banner" role="status" data-testid="demo-banner">
            Demo mode: a built-in fake GitHub serves a sample program. Configure GitHub credentials to run your own.
          </div>
        )}
        <header className="header">
          <div className="header-inner">
            <Link href="/" className="brand">
              <span className="brand-mark" aria-hidden="true" />
              Podium
            </Link>
            <nav className="nav" aria-label="Main">
              <Link href="/">Seasons</Link>
              <Link href="/rankings">All-time</Link>
              <Link href="/map">Contributor map</Link>
              <Link href="/shop">Gift shop</Link>
              <Link href="/admin">Admin</Link>
            </nav>
            <div className="header-end">
              <ThemeToggle initial={theme} />
              <UserMenu />
            </div>
          </div>
        </header>
        <main id="main">{children}</main>
        <footer className="footer">
          <div className="footer-inner">
            Podium — open-source challenge programs. <a href="/api/seasons">API</a>
          </div>
        </footer>
      </body>
    </html>
  );
}
