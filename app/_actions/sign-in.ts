"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/redirect";
import { signInLimiter } from "@/lib/security/limiters";
import { clientKey } from "@/lib/security/rate-limit";

/**
 * Starts the GitHub sign-in and comes back to the page it was started from (this site's paths only).
 * Rate-limited per client, like the OAuth routes.
 */
export async function signInAction(formData: FormData): Promise<void> {
  const h = await headers();
  const limited = await signInLimiter().take(clientKey(h));
  if (!limited.ok) redirect(`/signin?error=RateLimited&retryAfter=${limited.retryAfterSeconds}`);
  const raw = formData.get("callbackUrl");
  const callbackUrl = safeCallbackPath(typeof raw === "string" ? raw : null) ?? safeCallbackPath(h.get("referer"), h.get("host")) ?? "/";
  await signIn("github", { redirectTo: callbackUrl });
}
