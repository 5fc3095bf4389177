"use server";

import { getDb } from "@/db";
import { runAction } from "@/lib/actions/run-action";
import { markTask } from "@/lib/commands/mark-task";
import { issueToMark } from "@/lib/sync/issue-lookup";

/** A maintainer marks an issue of a listed repository as a task or an umbrella; an issue not stored yet is fetched from GitHub first. */
export async function markTaskAction(_prev: unknown, formData: FormData) {
  return runAction(markTask, formData, "Marked.", async (viewer, fields) => {
    const { issue: _ignored, ...form } = fields;
    return { ...form, issue: await issueToMark(await getDb(), viewer, form) };
  });
}
