"use server";

import { runAction } from "@/lib/actions/run-action";
import { setCreditShares } from "@/lib/commands/set-credit-shares";

export async function setCreditSharesAction(_prev: unknown, formData: FormData) {
  return runAction(setCreditShares, formData, "Shares saved.");
}
