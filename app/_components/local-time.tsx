"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * A date shown in the viewer's own time zone (after hydration; the server renders the season's zone),
 * with the season's zone on hover.
 */
export function LocalDate({ iso, seasonZone, serverText }: { iso: string; seasonZone: string; serverText: string }) {
  const local = useSyncExternalStore(
    subscribe,
    () => new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso)),
    () => serverText,
  );
  return (
    <time dateTime={iso} title={`${serverText} (${seasonZone})`}>
      {local}
    </time>
  );
}
