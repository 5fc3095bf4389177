import type { Executor } from "@/db/client";
import type { CommunityRole } from "@/lib/seasons/season-file";

/**
 * Stand-in (the community helper's file replaces it at merge): the community role and SIGs of each participant.
 * Reads nothing yet, so nobody holds a role.
 */
export async function communityRolesOf(_db: Executor, _participantIds: number[]): Promise<Map<number, { role: CommunityRole; sigs: string[] }>> {
  return new Map();
}
