"use server";

import { runAction } from "@/lib/actions/run-action";
import { waiveGate } from "@/lib/commands/waive-gate";

export async function waiveGateAction(_prev: unknown, formData: FormData) {
  return runAction(waiveGate, formData, "Gate waived.");
}
