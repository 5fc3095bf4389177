/** A season's window, formatted in the season's own zone (the viewer's zone arrives with the rankings page). */
export function SeasonWindow({ startsAt, endsAt, timeZone }: { startsAt: string; endsAt: string; timeZone: string }) {
  const zone = timeZone === "UTC" || timeZone.includes("/") ? timeZone : fixedOffsetZone(timeZone);
  const fmt = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: zone });
  return (
    <span title={`${startsAt} → ${endsAt} (${timeZone})`}>
      <time dateTime={startsAt}>{fmt.format(new Date(startsAt))}</time> – <time dateTime={endsAt}>{fmt.format(new Date(endsAt))}</time>
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
