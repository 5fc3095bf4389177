import type { Metadata } from "next";
import { z } from "zod";
import { signInAction } from "@/app/_actions/sign-in";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

// A parameter given twice arrives as an array: it is then ignored, like any other malformed value.
const ZSearch = z.object({
  callbackUrl: z.string().optional().catch(undefined),
  error: z.string().optional().catch(undefined),
  retryAfter: z.string().optional().catch(undefined),
});

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const { callbackUrl, error, retryAfter } = ZSearch.parse(await searchParams);
  const wait = Number(retryAfter);
  const demo = env().demo;
  return (
    <section className="narrow">
      <h1>Sign in</h1>
      <p className="muted">Podium signs you in with your GitHub account; it reads your public profile only.</p>
      {error && (
        <p role="alert" className="error">
          {error === "RateLimited"
            ? `Too many sign-in attempts from your network. Please try again in ${Number.isInteger(wait) && wait > 0 && wait <= 3600 ? `${wait} s` : "a minute"}.`
            : "Sign-in did not complete. Please try again."}
        </p>
      )}
      <form action={signInAction}>
        <input type="hidden" name="callbackUrl" value={callbackUrl?.startsWith("/") ? callbackUrl : "/"} />
        <button type="submit" className="button">
          Sign in with GitHub
        </button>
      </form>
      {demo && <p className="muted">Demo mode: the next page lets you pick a demo identity — a participant, a maintainer or an admin.</p>}
    </section>
  );
}
