"use server";

import { runAction } from "@/lib/actions/run-action";
import { issueCredits } from "@/lib/commands/issue-credits";

export async function issueCreditsAction(_prev: unknown, formData: FormData) {
  return runAction(issueCredits, formData, "Credits issued.");
}
