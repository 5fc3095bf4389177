import { getTranslations } from "next-intl/server";
import { pageLocale } from "@/app/_lib/words";

/**
 * The sync panel's words in the request's language (the `sync` namespace), for the client component: its texts
 * change as it polls, so the templates go along (they hold plain `{name}` arguments only, filled in by `fill`).
 */
export async function syncWords() {
  const t = await getTranslations("sync");
  const raw = (key: string) => t.raw(key as never) as string;
  const keys = ["syncing", "syncNow", "importing", "ofRepo", "last", "at", "never", "off", "next", "minutes", "seconds", "notOpen"] as const;
  return {
    locale: await pageLocale(),
    text: Object.fromEntries(keys.map((k) => [k, raw(k)])) as Record<(typeof keys)[number], string>,
    phase: t.raw("phase") as Record<string, string>,
    status: t.raw("status") as Record<string, string>,
  };
}

export type SyncWords = Awaited<ReturnType<typeof syncWords>>;
