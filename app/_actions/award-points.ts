"use server";

import { getDb } from "@/db";
import type { ActionState } from "@/lib/actions/action-result";
import { validatedAction } from "@/lib/actions/validated-action";
import { awardPoints, ZAwardPoints } from "@/lib/tools/award-points";

export async function awardPointsAction(_prev: unknown, formData: FormData): Promise<ActionState<Awaited<ReturnType<typeof awardPoints>>>> {
  return validatedAction(ZAwardPoints, formData, async (viewer, input) => awardPoints(await getDb(), viewer, input), "Points recorded.");
}
