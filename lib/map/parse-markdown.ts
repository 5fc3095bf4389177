import { z } from "zod";

/**
 * The contributor map document (TiDB's "map that guides what and how contributors can contribute"):
 * one `## [Project](url) description` heading per project, an optional "Contribution tutorial" list,
 * and a table of modules. The parser is lenient: unknown columns are ignored, missing ones are empty.
 */

const ZLink = z.object({ title: z.string().min(1), url: z.string().min(1).nullable() });
const ZSlug = z.string().regex(/^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u, "expected a slug: lower-case words joined by -");

function duplicates(keys: string[]): number[] {
  const seen = new Set<string>();
  return keys.flatMap((k, i) => (seen.has(k) ? [i] : (seen.add(k), [])));
}

export const ZMapModule = z.object({
  slug: ZSlug,
  name: z.string().min(1),
  description: z.string(),
  codeDirectories: z.array(ZLink),
  skills: z.array(z.string().min(1)).superRefine((skills, ctx) => {
    for (const i of duplicates(skills.map((s) => s.toLowerCase()))) {
      ctx.addIssue({ code: "custom", message: `skill listed twice: ${skills[i]}`, path: [i] });
    }
  }),
  learningMaterials: z.array(ZLink),
  sourceReading: z.array(ZLink),
});

export const ZMapProject = z.object({
  slug: ZSlug,
  name: z.string().min(1),
  description: z.string(),
  url: z.string().min(1).nullable(),
  repo: z
    .string()
    .regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, "expected owner/name")
    .nullable(),
  tutorials: z.array(ZLink),
  modules: z.array(ZMapModule).superRefine((modules, ctx) => {
    for (const i of duplicates(modules.map((m) => m.slug))) {
      ctx.addIssue({ code: "custom", message: `duplicate module slug ${modules[i]?.slug}`, path: [i, "slug"] });
    }
  }),
});

export const ZContributorMap = z.object({
  projects: z.array(ZMapProject).superRefine((projects, ctx) => {
    for (const i of duplicates(projects.map((p) => p.slug))) {
      ctx.addIssue({ code: "custom", message: `duplicate project slug ${projects[i]?.slug}`, path: [i, "slug"] });
    }
  }),
});

export type MapLinkInput = z.infer<typeof ZLink>;
export type MapModuleInput = z.infer<typeof ZMapModule>;
export type MapProjectInput = z.infer<typeof ZMapProject>;
export type ContributorMap = z.infer<typeof ZContributorMap>;

/** `PingCAP University(CN)` → `pingcap-university-cn`; letters of any script are kept. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

function uniqueSlug(name: string, used: Set<string>, fallback: string): string {
  const base = slugify(name) || fallback;
  let slug = base;
  for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
  used.add(slug);
  return slug;
}

// `[text](url)`, `[text](<url>)`, `<https://…>`, or a bare `https://…`.
const LINK =
  /\[((?:[^[\]]|\[[^[\]]*\])*)\]\(\s*(<[^>]*>|(?:[^()\s]|\([^()\s]*\))+)(?:\s+"[^"]*")?\s*\)|<(https?:\/\/[^>\s]+)>|(https?:\/\/[^\s<>|]+[^\s<>|.,;:)])/g;

/** Plain text of a cell: links become their text, HTML tags and emphasis go, spaces collapse. */
export function cleanText(s: string): string {
  return s
    .replace(LINK, (_m, text: string | undefined, url: string | undefined, auto: string | undefined, bare: string | undefined) =>
      text !== undefined ? text || (url ?? "") : (auto ?? bare ?? ""),
    )
    .replace(/<[^>]*>/g, " ")
    .replace(/\\([|*_[\]])/g, "$1")
    .replace(/(\*\*|\*|__)(\S(?:.*?\S)?)\1/g, "$2")
    .replace(/\s+/g, " ")
    .trim();
}

const shortUrl = (url: string) => url.replace(/^https?:\/\//, "").replace(/\/$/, "");

/**
 * The links of a cell, one per `<li>`/comma-separated item. Text around a link joins its title,
 * so `Kubernetes [Concepts](…)` is "Kubernetes Concepts"; an item without a link is a title without url.
 */
export function linksIn(cell: string): MapLinkInput[] {
  const found: { title: string; url: string }[] = [];
  const masked = cell.replace(LINK, (_m, text: string | undefined, url: string | undefined, auto: string | undefined, bare: string | undefined) => {
    const href = (url ?? auto ?? bare ?? "").replace(/^<|>$/g, "").trim();
    found.push({ title: text === undefined ? shortUrl(href) : cleanText(text) || shortUrl(href), url: href });
    return `\uE000${found.length - 1}\uE000`;
  });
  const out: MapLinkInput[] = [];
  for (const item of masked.split(/<\/?(?:li|ul|ol)\b[^>]*>|<br\s*\/?>|,|\n/i)) {
    const pieces = item.split(/\uE000(\d+)\uE000/);
    if (pieces.length === 1) {
      const title = cleanText(item);
      if (title) out.push({ title, url: null });
      continue;
    }
    // pieces: text, index, text, index, …, text
    for (let p = 1; p < pieces.length; p += 2) {
      const link = found[Number(pieces[p])];
      if (!link || !link.url) continue;
      const before = cleanText(pieces[p - 1] ?? "").replace(/^(?:and|or|&)(?:\s+|$)/i, "");
      const last = p + 2 >= pieces.length;
      const after = last ? cleanText(pieces[p + 1] ?? "").replace(/^[.,;:]+$/, "") : "";
      const title = [before, link.title, after].filter(Boolean).join(" ");
      out.push({ title, url: link.url });
    }
  }
  return out;
}

function skillsIn(cell: string): string[] {
  const out: string[] = [];
  for (const item of cell.split(/<\/?(?:li|ul|ol)\b[^>]*>|<br\s*\/?>/i)) {
    for (const raw of cleanText(item).split(/[,;]/)) {
      const skill = raw.trim().replace(/\.$/, "");
      if (skill && !out.some((s) => s.toLowerCase() === skill.toLowerCase())) out.push(skill);
    }
  }
  return out;
}

type Column = "name" | "description" | "code" | "skills" | "materials" | "source" | "tutorials";

function columnOf(header: string): Column | null {
  const h = cleanText(header).replace(/[*_`:]/g, "").trim().toLowerCase();
  if (/^(?:module|project|channel|component|name)s?$/.test(h)) return "name";
  if (/^descriptions?$/.test(h)) return "description";
  if (/^code(?: director(?:y|ies))?$|^director(?:y|ies)$/.test(h)) return "code";
  if (/skill/.test(h)) return "skills";
  if (/learning|materials?$/.test(h)) return "materials";
  if (/source reading|source code/.test(h)) return "source";
  if (/tutorial/.test(h)) return "tutorials";
  return null;
}

/** `| a | b \| c |` → `["a", "b \| c"]` (escaped pipes stay in the cell). */
function cellsOf(line: string): string[] {
  const body = line.trim().replace(/^\|/, "").replace(/(?<!\\)\|$/, "");
  return body.split(/(?<!\\)\|/).map((c) => c.trim());
}

const isSeparator = (cells: string[]) => cells.length > 0 && cells.every((c) => /^:?-+:?$/.test(c.replace(/\s/g, "")));
const isDitto = (cell: string) => /^(?:ditto|ibid\.?|same as above)$/i.test(cleanText(cell));

type ProjectDraft = MapProjectInput & { usedSlugs: Set<string> };

function addTutorials(project: ProjectDraft, links: MapLinkInput[]): void {
  for (const link of links) {
    const key = link.url ?? link.title;
    if (!project.tutorials.some((t) => (t.url ?? t.title) === key)) project.tutorials.push(link);
  }
}

function addTable(project: ProjectDraft, lines: string[], skillCase: Map<string, string>): void {
  const [headerLine, ...rest] = lines;
  if (headerLine === undefined) return;
  const columns = cellsOf(headerLine).map(columnOf);
  const cellOf = (cells: string[], column: Column) => {
    const i = columns.indexOf(column);
    return i < 0 ? "" : (cells[i] ?? "");
  };
  let previous: MapModuleInput | null = null;
  for (const line of rest) {
    const cells = cellsOf(line);
    if (isSeparator(cells)) continue;
    // Row-level "Contributing Tutorials" belong to the project (the schema has no per-module tutorials).
    const tutorialCell = cellOf(cells, "tutorials");
    if (!isDitto(tutorialCell)) addTutorials(project, linksIn(tutorialCell).filter((l) => l.url !== null));
    const nameCell = cellOf(cells, "name");
    const name = cleanText(nameCell);
    if (!name) continue;
    const pick = <T>(column: Column, parse: (cell: string) => T, from: (m: MapModuleInput) => T, empty: T): T => {
      const cell = cellOf(cells, column);
      if (isDitto(cell)) return previous ? from(previous) : empty;
      return parse(cell);
    };
    let codeDirectories = pick("code", linksIn, (m) => m.codeDirectories, []);
    const nameLinks = linksIn(nameCell).filter((l) => l.url !== null);
    if (codeDirectories.length === 0 && nameLinks.length > 0) codeDirectories = nameLinks;
    const skills = pick("skills", skillsIn, (m) => m.skills, []).map((s) => {
      const key = s.toLowerCase();
      if (!skillCase.has(key)) skillCase.set(key, s);
      return skillCase.get(key) ?? s;
    });
    const module: MapModuleInput = {
      slug: uniqueSlug(name, project.usedSlugs, `module-${project.modules.length + 1}`),
      name,
      description: pick("description", cleanText, (m) => m.description, ""),
      codeDirectories: codeDirectories.map((l) => ({ ...l })),
      skills,
      learningMaterials: pick("materials", linksIn, (m) => m.learningMaterials, []).map((l) => ({ ...l })),
      sourceReading: pick("source", linksIn, (m) => m.sourceReading, []).map((l) => ({ ...l })),
    };
    project.modules.push(module);
    previous = module;
  }
}

function githubRepo(url: string | null): string | null {
  const m = url && /^https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+?)(?:\.git)?\/?$/.exec(url);
  return m ? `${m[1]}/${m[2]}` : null;
}

function newProject(heading: string, used: Set<string>, index: number): ProjectDraft {
  const link = /\[((?:[^[\]]|\[[^[\]]*\])*)\]\(\s*(<[^>]*>|(?:[^()\s]|\([^()\s]*\))+)\s*\)/.exec(heading);
  let name: string;
  let url: string | null = null;
  let description: string;
  if (link) {
    name = cleanText(link[1] ?? "");
    url = (link[2] ?? "").replace(/^<|>$/g, "").trim() || null;
    const after = cleanText(heading.slice(link.index + link[0].length)).replace(/^[\s:,;\-–—]+/, "");
    const before = cleanText(heading.slice(0, link.index)).replace(/[\s:,;\-–—]+$/, "");
    description = after || before;
    if (!name) name = before || url || `Project ${index + 1}`;
  } else {
    const text = cleanText(heading);
    const split = /\s*:\s+/.exec(text);
    name = split ? text.slice(0, split.index) : text;
    description = split ? text.slice(split.index + split[0].length) : "";
  }
  return {
    slug: uniqueSlug(name, used, `project-${index + 1}`),
    name,
    description,
    url,
    repo: githubRepo(url),
    tutorials: [],
    modules: [],
    usedSlugs: new Set(),
  };
}

const isTableOfContents = (heading: string) => /^(?:table of contents|contents|toc)$/i.test(cleanText(heading));

/** Parses the contributor map document; the result is validated against `ZContributorMap`. */
export function parseContributorMap(markdown: string): ContributorMap {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const projects: ProjectDraft[] = [];
  const usedProjectSlugs = new Set<string>();
  const skillCase = new Map<string, string>();
  let current: ProjectDraft | null = null;
  let inTutorials = false;
  let inComment = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (inComment || /^\s*<!--/.test(line)) {
      inComment = !line.includes("-->");
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (heading) {
      inTutorials = false;
      const level = heading[1]?.length ?? 0;
      if (level > 2) continue; // a sub-heading stays within its project
      const text = heading[2] ?? "";
      current = level === 2 && text && !isTableOfContents(text) ? newProject(text, usedProjectSlugs, projects.length) : null;
      if (current) projects.push(current);
      continue;
    }
    if (!current) continue;
    if (line.trimStart().startsWith("|")) {
      const table: string[] = [];
      while (i < lines.length && (lines[i] ?? "").trimStart().startsWith("|")) table.push(lines[i++] ?? "");
      i--;
      addTable(current, table, skillCase);
      inTutorials = false;
      continue;
    }
    const bullet = /^\s*[*+-]\s+(.*)$/.exec(line);
    if (!bullet && /contribut\w*\s+(?:tutorial|guide)/i.test(line)) {
      inTutorials = true;
      continue;
    }
    if (bullet && inTutorials) addTutorials(current, linksIn(bullet[1] ?? "").filter((l) => l.url !== null));
    else if (line.trim() !== "") inTutorials = false;
  }
  return ZContributorMap.parse({ projects: projects.map(({ usedSlugs: _used, ...p }) => p) });
}
