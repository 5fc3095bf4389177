"use server";

import { getDb } from "@/db";
import type { ActionState } from "@/lib/actions/action-result";
import { validatedAction } from "@/lib/actions/validated-action";
import { revokeEntry, ZRevokeEntry } from "@/lib/tools/revoke-entry";

export async function revokeEntryAction(_prev: unknown, formData: FormData): Promise<ActionState<Awaited<ReturnType<typeof revokeEntry>>>> {
  return validatedAction(ZRevokeEntry, formData, async (viewer, input) => revokeEntry(await getDb(), viewer, input), "Entry revoked.");
}
