"use server";

import { runAction } from "@/lib/actions/run-action";
import { answerAppeal } from "@/lib/commands/answer-appeal";

export async function answerAppealAction(_prev: unknown, formData: FormData) {
  return runAction(answerAppeal, formData, "Answer recorded.");
}
