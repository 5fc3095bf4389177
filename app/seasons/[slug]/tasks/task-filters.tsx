type Option = string | [value: string, label: string];

function FilterSelect({ name, label, value, options }: { name: string; label: string; value: string | undefined; options: Option[] }) {
  return (
    <label>
      {label}{" "}
      <select name={name} defaultValue={value ?? ""}>
        <option value="">All</option>
        {options.map((o) => {
          const [v, text] = typeof o === "string" ? [o, o] : o;
          return (
            <option key={v} value={v}>
              {text}
            </option>
          );
        })}
      </select>
    </label>
  );
}

export type TaskFilter = { repo?: string; difficulty?: string; state?: string; skill?: string; module?: string };

/** The tasks page's filters: repository, difficulty, skill, module (when the map names any), state. */
export function TaskFilters({ filter, repos, skills, modules }: { filter: TaskFilter; repos: string[]; skills: string[]; modules: [string, string][] }) {
  return (
    <form className="filters" method="get">
      <FilterSelect name="repo" label="Repository" value={filter.repo} options={repos} />
      <FilterSelect name="difficulty" label="Difficulty" value={filter.difficulty} options={["easy", "medium", "hard"]} />
      <FilterSelect name="skill" label="Skill" value={filter.skill} options={skills} />
      {modules.length > 0 && <FilterSelect name="module" label="Module" value={filter.module} options={modules} />}
      <FilterSelect name="state" label="State" value={filter.state} options={["open", "picked", "completed"]} />
      <button type="submit" className="button secondary">
        Filter
      </button>
    </form>
  );
}
