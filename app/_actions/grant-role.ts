"use server";

import { getDb } from "@/db";
import type { ActionState } from "@/lib/actions/action-result";
import { validatedAction } from "@/lib/actions/validated-action";
import { grantRole, ZRoleChange } from "@/lib/tools/manage-roles";

export async function grantRoleAction(_prev: unknown, formData: FormData): Promise<ActionState<"granted" | "unchanged">> {
  return validatedAction(ZRoleChange, formData, async (viewer, input) => grantRole(await getDb(), viewer, input), "Role granted.");
}
