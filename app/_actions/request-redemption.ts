"use server";

import { runAction } from "@/lib/actions/run-action";
import { requestRedemption } from "@/lib/commands/request-redemption";

export async function requestRedemptionAction(_prev: unknown, formData: FormData) {
  return runAction(requestRedemption, formData, "Redemption requested.");
}
