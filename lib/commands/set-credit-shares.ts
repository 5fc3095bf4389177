import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { participants, seasons, teamCreditShares, teamMembers, teams } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { ZSlug } from "@/lib/seasons/season-file";
import { defineCommand } from "./command";
import { audit } from "./load";
import { refusals } from "./refusals";

const SHARE_LINE = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\s*[:=]\s*(\d{1,6})$/;

/** `alice: 2, bob: 1` (commas or new lines); empty: back to an equal split. */
export const ZShares = z.string({ error: "expected shares such as alice: 2, bob: 1" }).max(5000, { error: "at most 5000 characters" }).transform((text, ctx) => {
  const out: { login: string; share: number }[] = [];
  for (const part of text.split(/[,\n]/).map((p) => p.trim()).filter(Boolean)) {
    const m = SHARE_LINE.exec(part);
    if (!m) {
      ctx.addIssue({ code: "custom", message: `expected login: share, not "${part.slice(0, 60)}"` });
      return z.NEVER;
    }
    if (out.some((o) => o.login.toLowerCase() === m[1]!.toLowerCase())) {
      ctx.addIssue({ code: "custom", message: `${m[1]} is named twice` });
      return z.NEVER;
    }
    out.push({ login: m[1]!, share: Number(m[2]) });
  }
  return out;
});

export const ZSetCreditShares = z.object({ season: ZSlug, team: z.string().trim().min(1, { error: "expected a team" }).max(100, { error: "at most 100 characters" }), shares: ZShares });

/**
 * An admin sets how a team's credits are split among its members (weights, every member named), or clears
 * them for an equal split. Takes effect when the season's credits are issued (or issued again).
 */
export const setCreditShares = defineCommand({
  name: "shop.set-shares",
  input: ZSetCreditShares,
  permission: "shop.manage",
  async run({ tx, actorId, authorize }, input) {
    authorize("shop.manage");
    const [team] = await tx
      .select({ id: teams.id, seasonId: teams.seasonId })
      .from(teams)
      .innerJoin(seasons, eq(seasons.id, teams.seasonId))
      .where(and(eq(seasons.slug, input.season), eq(teams.name, input.team)));
    if (!team) throw new NotFoundError("team");
    const members = await tx.select({ id: participants.id, login: participants.login }).from(teamMembers).innerJoin(participants, eq(participants.id, teamMembers.participantId)).where(eq(teamMembers.teamId, team.id));
    const rows = input.shares.map((s) => {
      const m = members.find((x) => x.login.toLowerCase() === s.login.toLowerCase());
      if (!m) throw refusals.notTeamMember(s.login, input.team);
      return { teamId: team.id, participantId: m.id, share: s.share };
    });
    if (rows.length > 0 && rows.length !== members.length) throw refusals.nameEveryMember(input.team, members.map((m) => m.login));
    if (rows.length > 0 && rows.every((r) => r.share === 0)) throw refusals.shareAboveZero();
    await tx.delete(teamCreditShares).where(eq(teamCreditShares.teamId, team.id));
    if (rows.length > 0) await tx.insert(teamCreditShares).values(rows);
    await audit(tx, { seasonId: team.seasonId, actorId, action: "shop.set-shares", after: { team: input.team, shares: input.shares } });
    return { team: input.team, shares: rows.length };
  },
});
