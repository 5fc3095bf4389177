import type { ParticipantProfile } from "@/lib/queries/participant";

export type Achievement = { id: string; title: string; description: string };

/** Badges a participant has earned, from their profile (pure). */
export function achievementsOf(profile: ParticipantProfile): Achievement[] {
  const out: Achievement[] = [];
  const completed = profile.seasons.flatMap((s) => s.completed);
  const ranks = profile.seasons.map((s) => s.rank).filter((r): r is number => r !== null);
  if (completed.length > 0) out.push({ id: "first-task", title: "First task", description: "Completed a first task." });
  if (completed.length >= 5) out.push({ id: "five-tasks", title: "Five tasks", description: "Completed five tasks." });
  if (completed.some((c) => c.difficulty === "hard")) out.push({ id: "first-hard", title: "Hard task", description: "Completed a hard task." });
  const difficulties = new Set(completed.map((c) => c.difficulty));
  if (["easy", "medium", "hard"].every((d) => difficulties.has(d))) out.push({ id: "all-round", title: "All-rounder", description: "Completed easy, medium and hard tasks." });
  if (ranks.some((r) => r <= 3)) out.push({ id: "podium", title: "Podium", description: "Finished a season in the top 3." });
  else if (ranks.some((r) => r <= 10)) out.push({ id: "top-10", title: "Top 10", description: "Finished a season in the top 10." });
  if (profile.seasons.length >= 2) out.push({ id: "returning", title: "Returning", description: "Took part in more than one season." });
  return out;
}
