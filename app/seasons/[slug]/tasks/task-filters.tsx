import { useTranslations } from "next-intl";

type Option = string | [value: string, label: string];

function FilterSelect({ name, label, value, options, all }: { name: string; label: string; value: string | undefined; options: Option[]; all: string }) {
  return (
    <label>
      {label}{" "}
      <select name={name} defaultValue={value ?? ""}>
        <option value="">{all}</option>
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
  const t = useTranslations("tasks");
  const c = useTranslations("common");
  const all = c("all");
  const words = (keys: ("easy" | "medium" | "hard" | "open" | "picked" | "completed")[]): Option[] => keys.map((k) => [k, c(k)]);
  return (
    <form className="filters" method="get">
      <FilterSelect name="repo" label={c("repository")} value={filter.repo} options={repos} all={all} />
      <FilterSelect name="difficulty" label={c("difficulty")} value={filter.difficulty} options={words(["easy", "medium", "hard"])} all={all} />
      <FilterSelect name="skill" label={t("skill")} value={filter.skill} options={skills} all={all} />
      {modules.length > 0 && <FilterSelect name="module" label={t("module")} value={filter.module} options={modules} all={all} />}
      <FilterSelect name="state" label={c("state")} value={filter.state} options={words(["open", "picked", "completed"])} all={all} />
      <button type="submit" className="button secondary">
        {c("filter")}
      </button>
    </form>
  );
}
