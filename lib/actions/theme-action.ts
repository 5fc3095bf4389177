import "server-only";
import { cookies } from "next/headers";
import { setTheme, ZSetTheme } from "@/lib/commands/set-theme";
import { currentViewer } from "@/lib/auth/session";
import { THEME_COOKIE } from "@/lib/theme";
import { toActionError, type ActionState } from "./action-result";
import { runAction } from "./run-action";

/**
 * The header's theme toggle: the choice goes into the `podium-theme` cookie for everyone (the toggle also sets it
 * in the browser at once), and for a signed-in user onto their row (the `user.theme` command), so their other
 * browsers follow.
 */
export async function chooseThemeAction(formData: FormData): Promise<ActionState<{ theme: string }>> {
  const parsed = ZSetTheme.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return toActionError(parsed.error);
  try {
    (await cookies()).set(THEME_COOKIE, parsed.data.theme, { path: "/", maxAge: 31536000, sameSite: "lax" });
  } catch {
    // Called outside a request (a test calling the action directly): no cookie to set.
  }
  if (!(await currentViewer())) return { ok: true, data: parsed.data };
  return runAction(setTheme, formData);
}
