import { formatPath } from "@/lib/util/zod-errors";
import { parseSeasonDocument, type SeasonFile } from "./season-file";

/** A season file larger than this is refused before it is parsed (1000 teams of 50 fit in well under 2 MiB). */
export const MAX_SEASON_FILE_BYTES = 2 * 1024 * 1024;

export type SeasonProblem = { path: string; message: string };
export type SeasonTextResult = { ok: true; seasons: SeasonFile[] } | { ok: false; problems: SeasonProblem[] };

/** Editors on Windows write a UTF-8 byte order mark; JSON.parse refuses it, so it is dropped. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The season file's text → seasons, or every problem with its field path (CLI and season editor alike). */
export function parseSeasonText(text: string): SeasonTextResult {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_SEASON_FILE_BYTES) return { ok: false, problems: [{ path: "(root)", message: `the file has ${bytes} bytes; at most ${MAX_SEASON_FILE_BYTES} are accepted` }] };
  let json: unknown;
  try {
    json = JSON.parse(stripBom(text));
  } catch (e) {
    return { ok: false, problems: [{ path: "(root)", message: `not valid JSON: ${(e as Error).message}` }] };
  }
  const parsed = parseSeasonDocument(json);
  if (parsed.success) return { ok: true, seasons: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
}
