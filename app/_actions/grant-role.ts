"use server";

import { runAction } from "@/lib/actions/run-action";
import { grantRole } from "@/lib/commands/manage-roles";

export async function grantRoleAction(_prev: unknown, formData: FormData) {
  return runAction(grantRole, formData, "Role granted.");
}
