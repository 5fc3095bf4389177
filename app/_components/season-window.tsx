import { useLocale } from "next-intl";
import { formatInZone, zoneLabel } from "@/lib/util/season-zone";
import { LocalDate } from "./local-time";

/**
 * A season's window in the viewer's time zone, with the season's own zone on hover (the edges matter:
 * a PR merged at 23:30 in Beijing on the last day counts).
 */
export function SeasonWindow({ startsAt, endsAt, timeZone, precise = false }: { startsAt: string; endsAt: string; timeZone: string; precise?: boolean }) {
  const locale = useLocale();
  const label = zoneLabel(timeZone);
  const full = (iso: string) => formatInZone(iso, timeZone, "dateTime", locale);
  if (!precise) {
    return (
      <span title={`${full(startsAt)} – ${full(endsAt)} (${label})`}>
        <time dateTime={startsAt}>{formatInZone(startsAt, timeZone, "date", locale)}</time> – <time dateTime={endsAt}>{formatInZone(endsAt, timeZone, "date", locale)}</time>
      </span>
    );
  }
  return (
    <span>
      <LocalDate iso={startsAt} seasonZone={label} serverText={full(startsAt)} locale={locale} /> – <LocalDate iso={endsAt} seasonZone={label} serverText={full(endsAt)} locale={locale} />
    </span>
  );
}
