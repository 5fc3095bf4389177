import { eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { communityMembers, participants, seasons } from "@/db/schema";
import { awardSeason, seasonForAwards } from "@/lib/scoring/award-season";
import { excluded } from "@/db/excluded";
import { ZCommunityFile, type CommunityFile, type CommunityRole } from "@/lib/rules/community";
import { participantIds } from "@/lib/seasons/apply-teams";
import { chunks } from "@/lib/util/chunks";
import { defineCommand } from "./command";
import { audit } from "./load";

/** One line of what an import did to a member (`login`, as the file or, for removals, the database spells it). */
export type CommunityChange =
  | { kind: "added"; login: string; role: CommunityRole; sigs: string[] }
  | { kind: "changed"; login: string; role: CommunityRole; sigs: string[]; was: { role: CommunityRole; sigs: string[] } }
  | { kind: "removed"; login: string; was: { role: CommunityRole; sigs: string[] } };

export type CommunityImportResult = { members: number; changes: CommunityChange[]; /** Participants whose role changed (added, changed, removed). */ roleChanged: number[] };

// Serializes imports: two at once would each see the other's rows as "to remove".
const COMMUNITY_IMPORT_LOCK = 7_263_003;

const sortedSigs = (sigs: readonly string[]) => [...new Set(sigs)].sort();
const sameSigs = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((s, i) => s === b[i]);

type Stored = { participantId: number; login: string; role: CommunityRole; sigs: string[] };

async function storedMembers(tx: Executor): Promise<Stored[]> {
  const rows = await tx
    .select({ participantId: communityMembers.participantId, login: participants.login, role: communityMembers.role, sigs: communityMembers.sigs })
    .from(communityMembers)
    .innerJoin(participants, eq(participants.id, communityMembers.participantId));
  return rows.map((r) => ({ ...r, sigs: sortedSigs(r.sigs) }));
}

/**
 * Makes the stored community equal to the file, in the caller's transaction: members the file adds are
 * inserted (a login not yet known becomes a participant, as a season file's teams do), changed roles or
 * SIGs updated, and members the file no longer lists lose their role. A second import of the same file
 * changes nothing (and writes nothing).
 */
export async function importCommunity(tx: Executor, file: CommunityFile): Promise<CommunityImportResult> {
  await tx.execute(sql`select pg_advisory_xact_lock(${COMMUNITY_IMPORT_LOCK})`);
  const ids = await participantIds(tx, file.map((m) => m.login));
  const current = new Map((await storedMembers(tx)).map((s) => [s.participantId, s]));
  const changes: CommunityChange[] = [];
  const upserts: { participantId: number; role: CommunityRole; sigs: string[] }[] = [];
  const listed = new Set<number>();
  const roleChanged: number[] = [];
  for (const m of file) {
    const participantId = ids.get(m.login.toLowerCase())!;
    listed.add(participantId);
    const sigs = sortedSigs(m.sigs);
    const was = current.get(participantId);
    if (!was || was.role !== m.role) roleChanged.push(participantId);
    if (!was) changes.push({ kind: "added", login: m.login, role: m.role, sigs });
    else if (was.role !== m.role || !sameSigs(was.sigs, sigs)) changes.push({ kind: "changed", login: m.login, role: m.role, sigs, was: { role: was.role, sigs: was.sigs } });
    else continue;
    upserts.push({ participantId, role: m.role, sigs });
  }
  const gone = [...current.values()].filter((s) => !listed.has(s.participantId)).sort((a, b) => a.login.localeCompare(b.login));
  for (const s of gone) changes.push({ kind: "removed", login: s.login, was: { role: s.role, sigs: s.sigs } });
  for (const part of chunks(gone.map((s) => s.participantId))) await tx.delete(communityMembers).where(inArray(communityMembers.participantId, part));
  for (const part of chunks(upserts)) {
    await tx
      .insert(communityMembers)
      .values(part)
      .onConflictDoUpdate({
        target: communityMembers.participantId,
        set: { ...excluded(communityMembers, ["role", "sigs"]), updatedAt: sql`now()` },
      });
  }
  roleChanged.push(...gone.map((s) => s.participantId));
  return { members: file.length, changes, roleChanged };
}

/** A gate's `waivedFrom` reads community roles: the seasons that have one re-derive the awards of whoever's role changed. */
async function rederiveWaivers(tx: Executor, participantIds: number[]): Promise<void> {
  if (participantIds.length === 0) return;
  const rows = await tx.select({ id: seasons.id, rules: seasons.rules }).from(seasons);
  for (const row of rows.filter((r) => r.rules.gates.some((g) => g.waivedFrom !== undefined))) {
    await awardSeason(tx, await seasonForAwards(tx, row.id), { taskIds: [], pullRequestIds: [], participantIds });
  }
}

/** Makes the stored community roles and SIGs equal to a members file (the CLI's `community import`). */
export const importCommunityFile = defineCommand({
  name: "community.import",
  input: z.object({ members: ZCommunityFile }),
  permission: "role.manage",
  async run({ tx, actorId, authorize }, input) {
    authorize("role.manage");
    const result = await importCommunity(tx, input.members);
    await rederiveWaivers(tx, result.roleChanged);
    if (result.changes.length > 0) {
      const count = (kind: CommunityChange["kind"]) => result.changes.filter((c) => c.kind === kind).length;
      await audit(tx, { seasonId: null, actorId, action: "community.import", after: { members: result.members, added: count("added"), changed: count("changed"), removed: count("removed") } });
    }
    return result;
  },
});
