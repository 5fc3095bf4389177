import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { signInLimiter } from "@/lib/security/limiters";
import { clientKey, tooManyRequests } from "@/lib/security/rate-limit";

/** Starting a sign-in and OAuth callbacks are rate-limited per client; the rest of Auth.js's routes are not. */
const limited = (request: NextRequest): Response | null => {
  if (!/\/api\/auth\/(signin|callback)(\/|$)/.test(request.nextUrl.pathname)) return null;
  const r = signInLimiter().take(clientKey(request.headers));
  return r.ok ? null : tooManyRequests(r.retryAfterSeconds, "sign-in");
};

export async function GET(request: NextRequest): Promise<Response> {
  return limited(request) ?? handlers.GET(request);
}

export async function POST(request: NextRequest): Promise<Response> {
  return limited(request) ?? handlers.POST(request);
}
