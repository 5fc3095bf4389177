"use server";

import { getDb } from "@/db";
import type { ActionState } from "@/lib/actions/action-result";
import { validatedAction } from "@/lib/actions/validated-action";
import { revokeRole, ZRoleChange } from "@/lib/tools/manage-roles";

export async function revokeRoleAction(_prev: unknown, formData: FormData): Promise<ActionState<"revoked" | "unchanged">> {
  return validatedAction(ZRoleChange, formData, async (viewer, input) => revokeRole(await getDb(), viewer, input), "Role revoked.");
}
