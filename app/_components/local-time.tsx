"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * A date shown in the viewer's own time zone and the page's language (after hydration; the server renders the
 * season's zone), with the season's zone on hover.
 */
export function LocalDate({ iso, seasonZone, serverText, locale }: { iso: string; seasonZone: string; serverText: string; locale: string }) {
  const local = useSyncExternalStore(
    subscribe,
    () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso)),
    () => serverText,
  );
  return (
    <time dateTime={iso} title={`${serverText} (${seasonZone})`}>
      {local}
    </time>
  );
}
