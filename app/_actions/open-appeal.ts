"use server";

import { runAction } from "@/lib/actions/run-action";
import { openAppeal } from "@/lib/commands/open-appeal";

export async function openAppealAction(_prev: unknown, formData: FormData) {
  return runAction(openAppeal, formData, "Appeal sent: a maintainer will answer it.");
}
