import { COMMUNITY_ROLES, type CommunityRole } from "@/lib/seasons/season-file";

/**
 * Stand-in (the community helper's file replaces it at merge): whether a community role is at or above `min` on
 * the governance ladder (contributor < active-contributor < reviewer < committer < maintainer). No role: never.
 */
export function roleAtLeast(role: CommunityRole | null, min: CommunityRole): boolean {
  if (role === null) return false;
  return COMMUNITY_ROLES.indexOf(role) >= COMMUNITY_ROLES.indexOf(min);
}
