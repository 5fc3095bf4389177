/**
 * Which peers' `X-Forwarded-*` headers to believe (`PODIUM_TRUSTED_PROXIES`), and what a request's client
 * address, host and scheme are once they are weighed. Node's built-in `net.BlockList` matches addresses
 * against CIDRs (IPv4 and IPv6, IPv4-mapped IPv6 included), so no library is needed for it.
 */
import net from "node:net";

export type TrustedProxies = {
  /** The entries as given (for messages). */
  readonly entries: readonly string[];
  /** Whether this address (IPv4, IPv6, IPv4-mapped IPv6) is one of the trusted proxies. */
  has(address: string): boolean;
};

/** An address as a socket or a proxy writes it, in plain form (`[::1]` → `::1`, `::ffff:1.2.3.4` → `1.2.3.4`); null if not an IP. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let a = raw.trim();
  if (a.startsWith("[")) a = a.slice(1, a.indexOf("]") === -1 ? undefined : a.indexOf("]"));
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":")); // IPv4 with a port
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  if (mapped) a = mapped[1] as string;
  return net.isIP(a) === 0 ? null : a.toLowerCase();
}

const family = (address: string): "ipv4" | "ipv6" => (net.isIPv4(address) ? "ipv4" : "ipv6");

/**
 * Parses a comma-separated list of addresses and CIDRs (`127.0.0.1, 10.0.0.0/8, ::1, fd00::/8`).
 * Throws an Error naming the first entry that is neither.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const entries = (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const list = new net.BlockList();
  for (const entry of entries) {
    const [base, prefix, ...rest] = entry.split("/");
    const address = normalizeAddress(base);
    if (!address || rest.length > 0 || (base ?? "").includes("[")) throw new Error(`"${entry}" is not an IP address or CIDR`);
    const bits = family(address) === "ipv4" ? 32 : 128;
    if (prefix === undefined) {
      list.addAddress(address, family(address));
      continue;
    }
    if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > bits) throw new Error(`"${entry}": the prefix length must be 0–${bits}`);
    list.addSubnet(address, Number(prefix), family(address));
  }
  return {
    entries,
    has(raw) {
      const address = normalizeAddress(raw);
      return address !== null && entries.length > 0 && list.check(address, family(address));
    },
  };
}

/**
 * The client a request comes from: the socket peer, unless the peer is a trusted proxy; then
 * `X-Forwarded-For` is walked from the right (the nearest proxy appends last), skipping trusted proxies, and
 * the first address that is not one is the client. A malformed entry stops the walk (it is not believable);
 * a chain of trusted proxies only gives its leftmost one.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | null | undefined, trusted: TrustedProxies): string {
  let client = normalizeAddress(peer) ?? "unknown";
  if (!trusted.has(client)) return client;
  const hops = (forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean).reverse();
  for (const hop of hops) {
    const address = normalizeAddress(hop);
    if (address === null) break;
    client = address;
    if (!trusted.has(address)) break;
  }
  return client;
}

const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** The first value of a forwarded header (the outermost proxy's), if any. */
const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value)?.split(",")[0]?.trim();

/** `X-Forwarded-Host` as a trusted proxy sent it, if it is a host name or address with an optional port. */
export function forwardedHost(value: string | string[] | undefined): string | null {
  const host = first(value);
  return host && host.length <= 260 && HOST.test(host) ? host.toLowerCase() : null;
}

/** `X-Forwarded-Proto` as a trusted proxy sent it: `http` or `https`, else null. */
export function forwardedProto(value: string | string[] | undefined): "http" | "https" | null {
  const proto = first(value)?.toLowerCase();
  return proto === "http" || proto === "https" ? proto : null;
}
