import { integer, type AnyPgColumn } from "drizzle-orm/pg-core";

type OnDelete = "cascade" | "set null" | "restrict" | "no action";

/** A required integer foreign key: `ref("season_id", () => seasons.id, "cascade")`. */
export function ref(name: string, target: () => AnyPgColumn, onDelete?: OnDelete) {
  return integer(name)
    .notNull()
    .references(target, onDelete ? { onDelete } : {});
}
