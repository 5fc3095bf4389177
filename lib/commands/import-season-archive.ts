import { z } from "zod";
import { ZSeasonArchive } from "@/lib/archive/format";
import { importSeason } from "@/lib/archive/import";
import { defineCommand } from "./command";
import { audit } from "./load";

/** Loads a season archive (`seasons import`) in one transaction: all of it, or — refused with the field's path — nothing. */
export const importSeasonArchive = defineCommand({
  name: "season.import",
  input: z.strictObject({ archive: ZSeasonArchive, replace: z.boolean({ error: "expected true or false" }) }),
  permission: "season.manage",
  async run({ tx, actorId, authorize }, input) {
    authorize("season.manage");
    const result = await importSeason(tx, input.archive, { replace: input.replace });
    await audit(tx, { seasonId: null, actorId, action: "season.import", after: result });
    return result;
  },
});
