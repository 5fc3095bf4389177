import { index, integer, jsonb, pgTable, primaryKey, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { ref } from "./ref";

export type MapLink = { title: string; url: string | null };

/** The contributor map: projects, their modules, the skills each needs, and learning materials. */
export const mapProjects = pgTable(
  "map_projects",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    url: text("url"),
    /** `owner/name` when the project is a listed repository (links its open tasks). */
    repo: text("repo"),
    tutorials: jsonb("tutorials").$type<MapLink[]>().notNull().default([]),
    position: integer("position").notNull().default(0),
  },
  (t) => [uniqueIndex("map_projects_slug_key").on(t.slug)],
);

export const mapModules = pgTable(
  "map_modules",
  {
    id: serial("id").primaryKey(),
    projectId: ref("project_id", () => mapProjects.id, "cascade"),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    codeDirectories: jsonb("code_directories").$type<MapLink[]>().notNull().default([]),
    sourceReading: jsonb("source_reading").$type<MapLink[]>().notNull().default([]),
    position: integer("position").notNull().default(0),
  },
  (t) => [uniqueIndex("map_modules_project_slug_key").on(t.projectId, t.slug)],
);

export const mapSkills = pgTable(
  "map_skills",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
  },
  (t) => [uniqueIndex("map_skills_name_key").on(t.name)],
);

export const mapModuleSkills = pgTable(
  "map_module_skills",
  {
    moduleId: ref("module_id", () => mapModules.id, "cascade"),
    skillId: ref("skill_id", () => mapSkills.id, "cascade"),
  },
  (t) => [primaryKey({ columns: [t.moduleId, t.skillId] }), index("map_module_skills_skill_idx").on(t.skillId)],
);

export const learningMaterials = pgTable(
  "learning_materials",
  {
    id: serial("id").primaryKey(),
    moduleId: ref("module_id", () => mapModules.id, "cascade"),
    title: text("title").notNull(),
    url: text("url"),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("learning_materials_module_idx").on(t.moduleId)],
);
