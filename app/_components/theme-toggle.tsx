"use client";

import { useEffect, useState, useTransition } from "react";
import { setThemeAction } from "@/app/_actions/set-theme";
import { themeCookie, type Theme } from "@/lib/theme";

/**
 * The header's light/dark switch. The server already set `<html data-theme>` from the cookie; with no choice yet
 * the page follows `prefers-color-scheme`, and the button shows which one that is once the page runs. A click
 * switches at once in the browser (cookie and `<html data-theme>`), then, signed in, keeps the choice on the user
 * (`user.theme`) so their other browsers start in it.
 */
export function ThemeToggle({ initial, label, signedIn }: { initial: Theme | null; label: string; signedIn: boolean }) {
  const [theme, setTheme] = useState<Theme | null>(initial);
  const [, startTransition] = useTransition();
  useEffect(() => {
    if (initial) return;
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    const follow = () => setTheme(media.matches ? "dark" : "light");
    follow();
    media.addEventListener("change", follow);
    return () => media.removeEventListener("change", follow);
  }, [initial]);
  const dark = theme === "dark";
  const toggle = () => {
    const next: Theme = dark ? "light" : "dark";
    document.documentElement.dataset.theme = next;
    document.cookie = themeCookie(next);
    setTheme(next);
    if (signedIn) {
      const form = new FormData();
      form.set("theme", next);
      startTransition(() => void setThemeAction(null, form));
    }
  };
  return (
    <button type="button" className="button secondary theme-toggle" aria-pressed={dark} onClick={toggle} data-testid="theme-toggle">
      <span aria-hidden="true">{dark ? "☾" : "☀"}</span> {label}
    </button>
  );
}
