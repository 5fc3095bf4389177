import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { signInAction } from "@/app/_actions/sign-in";
import { env } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signin"))("title") };
}

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
  const [t, menu] = await Promise.all([getTranslations("signin"), getTranslations("userMenu")]);
  return (
    <section className="narrow">
      <h1>{t("title")}</h1>
      <p className="muted">{t("lead")}</p>
      {error && (
        <p role="alert" className="error">
          {error === "RateLimited"
            ? t("rateLimited", { seconds: Number.isInteger(wait) && wait > 0 && wait <= 3600 ? wait : 0 })
            : t("failed")}
        </p>
      )}
      <form action={signInAction}>
        <input type="hidden" name="callbackUrl" value={callbackUrl?.startsWith("/") ? callbackUrl : "/"} />
        <button type="submit" className="button">
          {menu("signIn")}
        </button>
      </form>
      {demo && <p className="muted">{t("demo")}</p>}
    </section>
  );
}
