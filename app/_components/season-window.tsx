import { formatInZone, zoneLabel } from "@/lib/util/season-zone";
import { LocalDate } from "./local-time";

/**
 * A season's window in the viewer's time zone, with the season's own zone on hover (the edges matter:
 * a PR merged at 23:30 in Beijing on the last day counts).
 */
export function SeasonWindow({ startsAt, endsAt, timeZone, precise = false }: { startsAt: string; endsAt: string; timeZone: string; precise?: boolean }) {
  const label = zoneLabel(timeZone);
  const full = (iso: string) => formatInZone(iso, timeZone, "dateTime");
  if (!precise) {
    return (
      <span title={`${full(startsAt)} – ${full(endsAt)} (${label})`}>
        <time dateTime={startsAt}>{formatInZone(startsAt, timeZone, "date")}</time> – <time dateTime={endsAt}>{formatInZone(endsAt, timeZone, "date")}</time>
      </span>
    );
  }
  return (
    <span>
      <LocalDate iso={startsAt} seasonZone={label} serverText={full(startsAt)} /> – <LocalDate iso={endsAt} seasonZone={label} serverText={full(endsAt)} />
    </span>
  );
}
