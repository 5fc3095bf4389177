"use server";

import { runAction } from "@/lib/actions/run-action";
import { reviewRedemption } from "@/lib/commands/review-redemption";

export async function reviewRedemptionAction(_prev: unknown, formData: FormData) {
  return runAction(reviewRedemption, formData, "Decision recorded.");
}
