import "server-only";
import { refresh, updateTag } from "next/cache";
import { getLocale } from "next-intl/server";
import type { z } from "zod";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth/guard";
import type { Viewer } from "@/lib/auth/permissions";
import { collectChanges } from "@/lib/cache/changes";
import { runCommand, type Command } from "@/lib/commands/command";
import { DEFAULT_LOCALE, parseLocale, type Locale } from "@/lib/i18n/locale";
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
    const input = enrich ? await enrich(viewer, fields) : fields;
    const db = await getDb();
    const { value: data, tags } = await collectChanges(() => runCommand(db, command, viewer, input));
    refreshPage(tags);
    return { ok: true, data, message };
  } catch (error) {
    return toActionError(error, await requestLocale());
  }
}

/** The request's language for an action's error (i18n/request.ts decides it); English outside a request (a test calling the action). */
export async function requestLocale(): Promise<Locale> {
  try {
    return parseLocale(await getLocale()) ?? DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/**
 * Read-your-writes: the cached data the write changed is expired for this very response (`updateTag`: the next read
 * waits for fresh data instead of serving the old entry), and the page the action came from is rendered again.
 */
function refreshPage(tags: string[]): void {
  try {
    for (const tag of tags) updateTag(tag);
    refresh();
  } catch {
    // Called outside a server action's request (a test calling the action directly): no page to refresh.
  }
}
