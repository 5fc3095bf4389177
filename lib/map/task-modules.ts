/** A module of the contributor map, as far as matching tasks to it goes. */
export type ModuleRef = { project: string; slug: string; name: string; skills: string[] };

/** A module or label name compared loosely: `Multi Raft`, `multi_raft` and `multi-raft` are one name. */
export const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_]+/g, "-").replace(/[^a-z0-9-]/g, "");

/**
 * The contributor-map modules a task belongs to, from its labels (`component/executor`, `sig/planner`,
 * `module: raftstore`: the last segment names the module) or, failing that, from the module's name as a
 * word of the title. Only modules of the task's repository's project are candidates.
 */
export function modulesOfTask(task: { labels: string[]; title: string }, candidates: ModuleRef[]): ModuleRef[] {
  const labelNames = new Set(task.labels.map((l) => norm(l.split(/[/:]/).pop() ?? l)).filter(Boolean));
  const byLabel = candidates.filter((m) => labelNames.has(norm(m.slug)) || labelNames.has(norm(m.name)));
  if (byLabel.length > 0) return byLabel;
  const title = ` ${task.title.toLowerCase().replace(/[^a-z0-9]+/g, " ")} `;
  return candidates.filter((m) => m.name.length >= 4 && title.includes(` ${m.name.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim()} `));
}

/**
 * Whether a task needs a skill: the skill of a module it belongs to, or, when it matches no module, a skill
 * any module of its project needs (a coarser guess is better than hiding the task).
 */
export function taskNeedsSkill(task: { labels: string[]; title: string }, candidates: ModuleRef[], skill: string): boolean {
  const wanted = skill.toLowerCase();
  const has = (m: ModuleRef) => m.skills.some((s) => s.toLowerCase() === wanted);
  const mine = modulesOfTask(task, candidates);
  return mine.length > 0 ? mine.some(has) : candidates.some(has);
}
