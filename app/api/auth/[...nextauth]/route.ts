import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { onPublicOrigin, publicOrigin } from "@/lib/auth/origin";
import { env } from "@/lib/env";
import { signInLimiter } from "@/lib/security/limiters";
import { clientKey, tooManyRequests } from "@/lib/security/rate-limit";

/** Starting a sign-in and OAuth callbacks are rate-limited per client; the rest of Auth.js's routes are not. */
const limited = async (request: NextRequest): Promise<Response | null> => {
  if (!/\/api\/auth\/(signin|callback)(\/|$)/.test(request.nextUrl.pathname)) return null;
  const r = await signInLimiter().take(clientKey(request.headers));
  return r.ok ? null : tooManyRequests(r.retryAfterSeconds, "sign-in");
};

/**
 * The request as the browser addressed it (see lib/auth/origin.ts), so callbacks match the sign-in's
 * redirect_uri. A plain Request: a NextRequest turns a 127.0.0.1 host back into localhost. With AUTH_URL,
 * next-auth itself moves the request onto it.
 */
const publicRequest = async (request: NextRequest): Promise<NextRequest> => {
  if (env().AUTH_URL) return request;
  const origin = publicOrigin(request.headers, undefined);
  const url = onPublicOrigin(request.url, origin);
  if (url === request.url) return request;
  const body = request.method === "POST" ? await request.arrayBuffer() : undefined;
  const plain = new Request(url, { method: request.method, headers: request.headers, body });
  // `nextUrl` is all next-auth reads of a NextRequest beyond the Request (and only to apply AUTH_URL).
  return Object.assign(plain, { nextUrl: new URL(url) }) as unknown as NextRequest;
};

export async function GET(request: NextRequest): Promise<Response> {
  return (await limited(request)) ?? handlers.GET(await publicRequest(request));
}

export async function POST(request: NextRequest): Promise<Response> {
  return (await limited(request)) ?? handlers.POST(await publicRequest(request));
}
