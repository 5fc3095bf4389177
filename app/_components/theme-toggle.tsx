"use client";

import { useEffect, useState } from "react";
import { themeCookie, type Theme } from "@/lib/theme";

/**
 * The header's light/dark switch. The server already set `<html data-theme>` from the cookie; with no choice yet
 * the page follows `prefers-color-scheme`, and the button shows which one that is once the page runs.
 */
export function ThemeToggle({ initial, label }: { initial: Theme | null; label: string }) {
  const [theme, setTheme] = useState<Theme | null>(initial);
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
  };
  return (
    <button type="button" className="button secondary theme-toggle" aria-pressed={dark} onClick={toggle} data-testid="theme-toggle">
      <span aria-hidden="true">{dark ? "☾" : "☀"}</span> {label}
    </button>
  );
}
