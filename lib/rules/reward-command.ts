/** A maintainer's `/reward N` comment (a line of its own, like a bot command): N points, or null. */
export function parseRewardCommand(body: string): number | null {
  for (const line of body.replace(/\r\n?/g, "\n").split("\n")) {
    const m = /^\s*\/reward\s+(\d{1,7})\s*$/i.exec(line);
    if (m?.[1]) {
      const n = Number(m[1]);
      return n > 0 && n <= 1_000_000 ? n : null;
    }
  }
  return null;
}
