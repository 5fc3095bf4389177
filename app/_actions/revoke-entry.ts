"use server";

import { runAction } from "@/lib/actions/run-action";
import { revokeEntry } from "@/lib/commands/revoke-entry";

export async function revokeEntryAction(_prev: unknown, formData: FormData) {
  return runAction(revokeEntry, formData, "Entry revoked.");
}
