import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { communityMembers, participants } from "@/db/schema";
import { sigsOf, type CommunityRole, type SigView } from "@/lib/rules/community";
import { inChunks } from "@/lib/util/chunks";

export type CommunityStanding = { role: CommunityRole; sigs: string[] };

/**
 * The community roles and SIGs of these participants (those without a role are absent): what a gate's
 * `waivedFrom` reads, for any number of ids, a bounded statement at a time.
 */
export async function communityRolesOf(db: Executor, participantIds: readonly number[]): Promise<Map<number, CommunityStanding>> {
  const ids = [...new Set(participantIds)];
  const rows = await inChunks(ids, (part) =>
    db
      .select({ participantId: communityMembers.participantId, role: communityMembers.role, sigs: communityMembers.sigs })
      .from(communityMembers)
      .where(inArray(communityMembers.participantId, part)),
  );
  return new Map(rows.map((r) => [r.participantId, { role: r.role, sigs: [...r.sigs].sort() }]));
}

/** One login's community role and SIGs (case-insensitive), or null: what a profile shows near the name. */
export async function communityStandingOf(db: Executor, login: string): Promise<CommunityStanding | null> {
  const [row] = await db
    .select({ role: communityMembers.role, sigs: communityMembers.sigs })
    .from(communityMembers)
    .innerJoin(participants, eq(participants.id, communityMembers.participantId))
    .where(eq(sql`lower(${participants.login})`, login.toLowerCase()));
  return row ? { role: row.role, sigs: [...row.sigs].sort() } : null;
}

/** Every SIG with its members (highest role first), by SIG name: the map's SIG list. */
export async function listSigs(db: Executor): Promise<SigView[]> {
  const rows = await db
    .select({ login: participants.login, role: communityMembers.role, sigs: communityMembers.sigs })
    .from(communityMembers)
    .innerJoin(participants, eq(participants.id, communityMembers.participantId))
    .where(sql`cardinality(${communityMembers.sigs}) > 0`)
    .orderBy(asc(participants.login));
  return sigsOf(rows);
}
