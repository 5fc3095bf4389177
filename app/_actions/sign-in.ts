"use server";

import { headers } from "next/headers";
import { signIn } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/redirect";

/** Starts the GitHub sign-in and comes back to the page it was started from (this site's paths only). */
export async function signInAction(formData: FormData): Promise<void> {
  const h = await headers();
  const raw = formData.get("callbackUrl");
  const callbackUrl = safeCallbackPath(typeof raw === "string" ? raw : null) ?? safeCallbackPath(h.get("referer"), h.get("host")) ?? "/";
  await signIn("github", { redirectTo: callbackUrl });
}
