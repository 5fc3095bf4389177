"use server";

import { runAction } from "@/lib/actions/run-action";
import { awardPoints } from "@/lib/commands/award-points";

export async function awardPointsAction(_prev: unknown, formData: FormData) {
  return runAction(awardPoints, formData, "Points recorded.");
}
