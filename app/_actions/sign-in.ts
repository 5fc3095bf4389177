"use server";

import { signIn } from "@/lib/auth";

/** Starts the GitHub sign-in; the callback URL is kept to this site's own paths. */
export async function signInAction(formData: FormData): Promise<void> {
  const raw = formData.get("callbackUrl");
  const callbackUrl = typeof raw === "string" && raw.startsWith("/") && !raw.startsWith("//") ? raw : "/";
  await signIn("github", { redirectTo: callbackUrl });
}
