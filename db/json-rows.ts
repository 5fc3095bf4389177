import { sql, type SQL } from "drizzle-orm";

/**
 * Many rows as one parameter: `select … from json_to_recordset($1::json) as x(<columns>)`. A multi-row
 * `values` list through drizzle's builder costs a JavaScript check per value (most of a bulk upsert's time
 * at a thousand rows); one JSON text costs a `JSON.stringify`. `columns` are trusted names and SQL types,
 * never user input; the rows' keys are the column names.
 */
export function jsonRows(rows: readonly Record<string, unknown>[], columns: Record<string, string>): SQL {
  const recordType = Object.entries(columns)
    .map(([name, type]) => `"${name}" ${type}`)
    .join(", ");
  return sql`select * from json_to_recordset(${JSON.stringify(rows)}::json) as x(${sql.raw(recordType)})`;
}

/** The column list of an insert, quoted, in the order of `columns`. */
export function columnList(columns: Record<string, string>): SQL {
  return sql.raw(`(${Object.keys(columns).map((c) => `"${c}"`).join(", ")})`);
}
