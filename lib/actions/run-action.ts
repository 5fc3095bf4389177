import "server-only";
import { refresh } from "next/cache";
import type { z } from "zod";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import { runCommand, type Command } from "@/lib/commands/command";
import { toActionError, type ActionState } from "./action-result";

/**
 * A server action's door to a command: the session is checked on the server, then the command runs with
 * the form's fields as its input (validated by the command's schema, authorized on the object it changes,
 * one transaction, effects after the commit). Errors become typed codes with user messages.
 */
export async function runAction<S extends z.ZodType, R>(
  command: Command<S, R>,
  formData: FormData,
  message?: string,
  /** What the server adds to the form's fields before the command runs (I/O at the edge, e.g. an issue from GitHub). */
  enrich?: (viewer: Viewer, fields: Record<string, unknown>) => Promise<Record<string, unknown>>,
): Promise<ActionState<R>> {
  try {
    const viewer = await requireViewer();
    const fields: Record<string, unknown> = Object.fromEntries(formData);
    const data = await runCommand(await getDb(), command, viewer, enrich ? await enrich(viewer, fields) : fields);
    refreshPage();
    return { ok: true, data, message };
  } catch (error) {
    return toActionError(error);
  }
}

/** Read-your-writes: the page the action came from is rendered again with the committed state. */
function refreshPage(): void {
  try {
    refresh();
  } catch {
    // Called outside a server action's request (a test calling the action directly): no page to refresh.
  }
}
