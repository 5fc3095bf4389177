import "server-only";
import { cookies } from "next/headers";
import type { z } from "zod";
import type { Command } from "@/lib/commands/command";
import { currentViewer } from "@/lib/auth/session";
import { toActionError, type ActionState } from "./action-result";
import { runAction } from "./run-action";

/**
 * The header's language switch and theme toggle: the choice goes into its cookie for everyone (kept a year), and
 * for a signed-in user also onto their row (the setting's command), so their other browsers follow.
 */
export async function chooseUserSetting<S extends z.ZodType<Record<string, string>>, R>(formData: FormData, cookie: string, command: Command<S, R>): Promise<ActionState<R | z.output<S>>> {
  const parsed = command.input.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return toActionError(parsed.error);
  const value = Object.values(parsed.data as Record<string, string>)[0] ?? "";
  try {
    (await cookies()).set(cookie, value, { path: "/", maxAge: 31536000, sameSite: "lax" });
  } catch {
    // Called outside a request (a test calling the action directly): no cookie to set.
  }
  if (!(await currentViewer())) return { ok: true, data: parsed.data };
  return runAction(command, formData);
}
