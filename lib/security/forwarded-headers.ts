/**
 * The edge of Podium's server (scripts/server.ts): before Next sees a request, its forwarding headers are
 * made believable. Next itself keeps whatever `X-Forwarded-For/-Host/-Proto` a client sends and only fills
 * them in from the socket when they are missing, so a route handler cannot tell a proxy's header from a
 * client's. Here the socket peer decides: from a trusted proxy the headers are kept (host and proto checked),
 * from anyone else they are deleted (Next then sets them from the socket and the Host header), and the
 * client address is written into a header only this server writes (any copy a client sent is dropped).
 */
import type { IncomingHttpHeaders } from "node:http";
import { clientAddress, forwardedHost, forwardedProto, normalizeAddress, type TrustedProxies } from "./trusted-proxies";

/** The socket peer's address, as this server saw it. */
export const PEER_HEADER = "x-podium-peer";
/** The client's address: the peer, or from a trusted proxy the first untrusted `X-Forwarded-For` hop. */
export const CLIENT_HEADER = "x-podium-client";

const FORWARDING = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

/** Rewrites a request's headers in place (see above). */
export function sanitizeForwardedHeaders(headers: IncomingHttpHeaders, peer: string | undefined, trusted: TrustedProxies): void {
  const forwardedFor = headers["x-forwarded-for"];
  const xff = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor;
  const peerAddress = normalizeAddress(peer) ?? "unknown";
  const fromProxy = trusted.has(peerAddress);
  const host = fromProxy ? forwardedHost(headers["x-forwarded-host"]) : null;
  const proto = fromProxy ? forwardedProto(headers["x-forwarded-proto"]) : null;
  const client = clientAddress(peerAddress, xff, trusted);

  delete headers[PEER_HEADER];
  delete headers[CLIENT_HEADER];
  for (const name of FORWARDING) if (!fromProxy || name !== "x-forwarded-for") delete headers[name];
  if (host) headers["x-forwarded-host"] = host;
  if (proto) headers["x-forwarded-proto"] = proto;
  headers[PEER_HEADER] = peerAddress;
  headers[CLIENT_HEADER] = client;
}
