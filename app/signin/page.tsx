import type { Metadata } from "next";
import { signInAction } from "@/app/_actions/sign-in";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string; retryAfter?: string }> }) {
  const { callbackUrl, error, retryAfter } = await searchParams;
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
