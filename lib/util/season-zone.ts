/**
 * Dates in a season's own zone. A season's zone is an IANA name or a fixed offset such as `+05:30`
 * (taken from its startsAt). `Intl.DateTimeFormat` takes offsets as `timeZone` only from Node 22 on,
 * and the `Etc/GMT±N` zones have whole hours only, so fixed offsets are applied here by hand: the
 * instant is shifted by the offset and formatted as UTC. A zone that is neither (stored before the
 * season file was checked) is shown as UTC, never a crash.
 */

export type ZoneStyle = "date" | "dateTime";

const OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/** Minutes east of UTC of `+05:30`-style offsets (`UTC` is 0); null for anything else. */
export function offsetMinutes(zone: string): number | null {
  if (zone === "UTC") return 0;
  const m = OFFSET.exec(zone);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  if (hours > 18 || minutes > 59) return null;
  return (m[1] === "-" ? -1 : 1) * (hours * 60 + minutes);
}

function formatter(style: ZoneStyle, timeZone: string, locale = "en"): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, style === "date" ? { dateStyle: "medium", timeZone } : { dateStyle: "medium", timeStyle: "short", timeZone });
}

function ianaFormatter(style: ZoneStyle, zone: string, locale = "en"): Intl.DateTimeFormat | null {
  if (!/^[A-Za-z][A-Za-z0-9_+/-]{0,63}$/.test(zone)) return null;
  try {
    return formatter(style, zone, locale);
  } catch {
    return null;
  }
}

/** `2020-03-02T00:00:00+05:30` in zone `+05:30` → `Mar 2, 2020, 12:00 AM` (dateTime) or `Mar 2, 2020` (date). */
export function formatInZone(iso: string | Date, zone: string, style: ZoneStyle, locale = "en"): string {
  const instant = typeof iso === "string" ? new Date(iso) : iso;
  if (Number.isNaN(instant.getTime())) return "—";
  const offset = offsetMinutes(zone);
  if (offset !== null) return formatter(style, "UTC", locale).format(new Date(instant.getTime() + offset * 60_000));
  const iana = ianaFormatter(style, zone, locale);
  return (iana ?? formatter(style, "UTC", locale)).format(instant);
}

/** How the zone is named next to a date: `Asia/Shanghai`, `UTC+05:30`, `UTC`. */
export function zoneLabel(zone: string): string {
  const offset = offsetMinutes(zone);
  if (offset === 0) return "UTC";
  if (offset !== null) return `UTC${zone}`;
  return ianaFormatter("date", zone) ? zone : "UTC";
}
