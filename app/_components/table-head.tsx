/** A column of a table's head: its label (empty for an actions column), numeric (right-aligned), hidden on phones. */
export type Column = string | { label: string; num?: boolean; hideSm?: boolean; key?: string };

/** `<thead>` with scoped headers; `false` leaves a column out (one a viewer does not see). */
export function TableHead({ columns }: { columns: (Column | false)[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) => {
          if (c === false) return null;
          const col = typeof c === "string" ? { label: c } : c;
          const className = [col.num ? "num" : "", col.hideSm ? "hide-sm" : ""].filter(Boolean).join(" ") || undefined;
          return (
            <th key={col.key ?? (col.label || `col-${i}`)} scope="col" className={className}>
              {col.label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
