import type { z } from "zod";
import { requireViewer } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import { toActionError, type ActionState } from "./action-result";

/**
 * The one way every server action runs: the session is checked on the server, the form is parsed with
 * zod (field errors for `useActionState`), then the domain function — which checks the role on the
 * object it changes — runs. Errors become typed codes with user messages, never raw exception text.
 */
export async function validatedAction<S extends z.ZodType, T>(
  schema: S,
  formData: FormData,
  run: (viewer: Viewer, input: z.infer<S>) => Promise<T>,
  message?: string,
): Promise<ActionState<T>> {
  try {
    const viewer = await requireViewer();
    const input = schema.parse(Object.fromEntries(formData));
    const data = await run(viewer, input);
    return { ok: true, data, message };
  } catch (error) {
    return toActionError(error);
  }
}
