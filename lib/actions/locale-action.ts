import "server-only";
import { cookies } from "next/headers";
import { setLocale, ZSetLocale } from "@/lib/commands/set-locale";
import { currentViewer } from "@/lib/auth/session";
import { LOCALE_COOKIE } from "@/lib/i18n/locale";
import { toActionError, type ActionState } from "./action-result";
import { runAction } from "./run-action";

/**
 * The header's language switcher: the choice goes into the `podium-locale` cookie for everyone, and for a
 * signed-in user also onto their row (the `user.locale` command), so their other browsers follow.
 */
export async function chooseLocaleAction(formData: FormData): Promise<ActionState<{ locale: string }>> {
  const parsed = ZSetLocale.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return toActionError(parsed.error);
  try {
    (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: "/", maxAge: 31536000, sameSite: "lax" });
  } catch {
    // Called outside a request (a test calling the action directly): no cookie to set.
  }
  if (!(await currentViewer())) return { ok: true, data: parsed.data };
  return runAction(setLocale, formData);
}
