import { LocalDate } from "./local-time";

/**
 * A season's window in the viewer's time zone, with the season's own zone on hover (the edges matter:
 * a PR merged at 23:30 in Beijing on the last day counts).
 */
export function SeasonWindow({ startsAt, endsAt, timeZone, precise = false }: { startsAt: string; endsAt: string; timeZone: string; precise?: boolean }) {
  const zone = timeZone === "UTC" || timeZone.includes("/") ? timeZone : fixedOffsetZone(timeZone);
  const fmt = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: zone });
  const full = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: zone });
  if (!precise) {
    return (
      <span title={`${full.format(new Date(startsAt))} – ${full.format(new Date(endsAt))} (${timeZone})`}>
        <time dateTime={startsAt}>{fmt.format(new Date(startsAt))}</time> – <time dateTime={endsAt}>{fmt.format(new Date(endsAt))}</time>
      </span>
    );
  }
  return (
    <span>
      <LocalDate iso={startsAt} seasonZone={timeZone} serverText={full.format(new Date(startsAt))} /> –{" "}
      <LocalDate iso={endsAt} seasonZone={timeZone} serverText={full.format(new Date(endsAt))} />
    </span>
  );
}

/** `+08:00` → `Etc/GMT-8` (the Etc zones have inverted signs); non-whole hours fall back to UTC. */
export function fixedOffsetZone(offset: string): string {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!m || m[3] !== "00") return "UTC";
  const hours = Number(m[2]);
  if (hours === 0) return "UTC";
  return `Etc/GMT${m[1] === "+" ? "-" : "+"}${hours}`;
}
