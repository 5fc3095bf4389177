import { eq } from "drizzle-orm";
import { z } from "zod";
import { seasons } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { ZSlug } from "@/lib/seasons/season-file";
import { creditSeason } from "@/lib/wallet/credit-season";
import { settleAllWallets } from "@/lib/wallet/ledger";
import { defineCommand } from "./command";
import { audit } from "./load";
import { refusals } from "./refusals";

export const ZIssueCredits = z.object({ season: ZSlug });

/**
 * Credits a final season's points to the wallets (one credit a point; team points split by the admin's shares).
 * Once-only: running it again writes nothing, and after a reopen and a new finalization it writes the difference.
 * It also writes the expire entries due in every wallet. Finalizing a season may call `creditSeason` in its own transaction; this command is the admin's button for it.
 */
export const issueCredits = defineCommand({
  name: "shop.issue-credits",
  input: ZIssueCredits,
  permission: "shop.manage",
  async run({ tx, actorId, authorize }, input) {
    authorize("shop.manage");
    const [season] = await tx.select().from(seasons).where(eq(seasons.slug, input.season)).for("update");
    if (!season) throw new NotFoundError("season");
    if (!season.finalizedAt) throw refusals.creditsNotFinal(season.slug);
    const result = { ...(await creditSeason(tx, season, actorId)), expiredWallets: await settleAllWallets(tx) };
    await audit(tx, { seasonId: season.id, actorId, action: "shop.issue-credits", after: result });
    return result;
  },
});
