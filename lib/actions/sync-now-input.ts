import { z } from "zod";
import { ZFormBoolean } from "@/lib/util/form-boolean";

/** The "Sync now" form: the season, and `full` ("true"/"false"; absent means an incremental sync). */
export const ZSyncNowInput = z.object({
  season: z.string({ error: "expected a season slug" }).regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: "expected a season slug" }),
  full: ZFormBoolean.optional(),
});

export function readSyncNowForm(formData: FormData) {
  return ZSyncNowInput.parse({ season: formData.get("season"), full: formData.get("full") ?? undefined });
}
