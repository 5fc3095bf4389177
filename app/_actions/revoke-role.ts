"use server";

import { runAction } from "@/lib/actions/run-action";
import { revokeRole } from "@/lib/commands/manage-roles";

export async function revokeRoleAction(_prev: unknown, formData: FormData) {
  return runAction(revokeRole, formData, "Role revoked.");
}
