/**
 * Comment commands (contract, "Added in the second round"): `/pick-up-challenge` or `/pick-up`,
 * `/give-up-challenge` or `/give-up`, at the start of a line of a comment on a task issue. What looks like one but
 * is not (a typo, a missing slash) is read as `unclear`, with the command it was taken for, so the bot can say so
 * instead of staying silent (participants of the real program complained about that). Pure.
 */
export type CommandVerb = "pick-up" | "give-up";

export type ParsedCommand =
  | { kind: CommandVerb; written: string }
  | { kind: "unclear"; written: string; meant: CommandVerb; why: "no-slash" | "typo" };

const SPELLINGS: Record<string, CommandVerb> = {
  "pick-up-challenge": "pick-up",
  "pick-up": "pick-up",
  "give-up-challenge": "give-up",
  "give-up": "give-up",
};

/** The marker every comment of the bot carries (hidden in GitHub's rendering): its own comments are never read as commands. */
export const BOT_MARKER = "<!-- podium";

/** Levenshtein distance, bounded: anything above `max` is `max + 1`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...row) > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/** The command a word is close to (spaces and underscores taken as dashes), with how far it is. */
function nearest(word: string): { verb: CommandVerb; spelled: string; d: number } | null {
  const w = word.toLowerCase().replace(/[\s_]+/g, "-");
  let best: { verb: CommandVerb; spelled: string; d: number } | null = null;
  for (const [spelled, verb] of Object.entries(SPELLINGS)) {
    const d = distance(w, spelled, 3);
    if (!best || d < best.d) best = { verb, spelled, d };
  }
  return best;
}

/** The first command of a comment, or null when it holds none (nor anything that looks like one). */
export function parseCommand(body: string): ParsedCommand | null {
  if (body.includes(BOT_MARKER)) return null;
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith(">")) continue; // a quote of someone else's comment
    const slashed = /^\/([A-Za-z][A-Za-z_-]{2,30})(?:\s|$)/.exec(line);
    if (slashed) {
      const word = slashed[1]!;
      const exact = SPELLINGS[word.toLowerCase()];
      if (exact) return { kind: exact, written: `/${word}` };
      const near = nearest(word);
      // Other bots' commands (/lgtm, /assign, /reward …) are far from these: left alone.
      if (near && near.d <= 2) return { kind: "unclear", written: `/${word}`, meant: near.verb, why: "typo" };
      continue;
    }
    // Without the slash, only a line that is nothing but the command (a sentence that mentions one is not).
    const bare = /^([A-Za-z][A-Za-z _-]{2,30})[.!]?$/.exec(line);
    if (bare) {
      const near = nearest(bare[1]!);
      if (near && (near.d === 0 || (near.d <= 1 && bare[1]!.length >= 7))) return { kind: "unclear", written: bare[1]!, meant: near.verb, why: "no-slash" };
    }
  }
  return null;
}

/** How the command it was taken for is written. */
export const COMMAND_SPELLING: Record<CommandVerb, string> = { "pick-up": "/pick-up-challenge", "give-up": "/give-up-challenge" };
