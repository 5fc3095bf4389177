import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { seasons } from "@/db/schema";
import { freshDatabase } from "../harness/databases";

const state = vi.hoisted(() => ({ handle: null as DbHandle | null }));
vi.mock("@/db", () => ({ getDb: async () => state.handle!.db, getDatabase: async () => state.handle! }));
// Rendered outside Next: its request-bound parts are given their plain equivalents (English, no cache).
vi.mock("next-intl/server", async () => {
  const { createFormatter, createTranslator } = await import("next-intl");
  const { messagesOf } = await import("@/lib/i18n/messages");
  const messages = messagesOf("en");
  return {
    getTranslations: async (namespace?: string) => createTranslator({ locale: "en", messages, namespace: namespace as never }),
    getLocale: async () => "en",
    getFormatter: async () => createFormatter({ locale: "en" }),
  };
});
vi.mock("@/lib/queries/cached/public", async () => ({ listSeasons: (await import("@/lib/queries/seasons")).listSeasons }));
const { default: HomePage } = await import("@/app/page");
const seasonsRoute = await import("@/app/api/seasons/route");

/** Seasons written before the season file was checked (slug and zone straight into the table). */
describe("seasons stored before the checks", () => {
  beforeAll(async () => {
    state.handle = await freshDatabase("pglite");
    const base = { startsAt: new Date("2020-03-01T18:30:00Z"), endsAt: new Date("2020-05-30T18:29:59Z"), taskLabels: [], taskTitlePrefixes: [], difficulties: { easy: 1 }, rules: { caps: [], gates: [], stops: [] }, unranked: [] };
    await state.handle.db.insert(seasons).values([
      { ...base, slug: "../../evil", name: "Evil", timeZone: "Mars/Base" },
      { ...base, slug: "india", name: "India", timeZone: "+05:30" },
    ]);
  });
  afterAll(async () => {
    await state.handle?.close();
  });

  it("/ renders them: the bad zone as UTC, the +05:30 season in its own offset, the bad slug escaped in its link", async () => {
    const { NextIntlClientProvider } = await import("next-intl");
    const html = renderToStaticMarkup(createElement(NextIntlClientProvider, { locale: "en", children: createElement("div", null, await HomePage()) }));
    expect(html).toContain("Evil");
    expect(html).toContain('href="/seasons/..%2F..%2Fevil"');
    // 2020-03-01T18:30Z is Mar 2, 00:00 at +05:30 (its window's first day), and Mar 1 in UTC.
    expect(html).toMatch(/India[\s\S]*Mar 2, 2020<\/time>/);
    expect(html).toMatch(/Evil[\s\S]*Mar 1, 2020<\/time>/);
  });

  it("/api/seasons lists them", async () => {
    const res = await seasonsRoute.GET();
    expect(res.status).toBe(200);
    expect(((await res.json()) as { slug: string }[]).map((s) => s.slug).sort()).toEqual(["../../evil", "india"]);
  });
});
