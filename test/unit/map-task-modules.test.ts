import { describe, expect, it } from "vitest";
import { modulesOfTask, taskNeedsSkill, type ModuleRef } from "@/lib/map/task-modules";

const tidb: ModuleRef[] = [
  { project: "tidb", slug: "parser", name: "Parser", skills: ["Golang", "Yacc"] },
  { project: "tidb", slug: "executor", name: "Executor", skills: ["Golang", "Relational Algebra"] },
  { project: "tidb", slug: "ddl", name: "DDL", skills: ["Golang"] },
];

describe("tasks and the contributor map", () => {
  it("finds a task's module from a label's last segment", () => {
    expect(modulesOfTask({ labels: ["component/executor", "challenge-program-2"], title: "x" }, tidb).map((m) => m.slug)).toEqual(["executor"]);
    expect(modulesOfTask({ labels: ["sig: Parser"], title: "x" }, tidb).map((m) => m.slug)).toEqual(["parser"]);
  });

  it("falls back to the module's name in the title, as a whole word", () => {
    expect(modulesOfTask({ labels: [], title: "Improve the parser error messages" }, tidb).map((m) => m.slug)).toEqual(["parser"]);
    expect(modulesOfTask({ labels: [], title: "Reparse things" }, tidb)).toEqual([]);
    // Short names (DDL) are too noisy to match in titles.
    expect(modulesOfTask({ labels: [], title: "Support ADD COLUMN in DDL" }, tidb)).toEqual([]);
  });

  it("a skill filter keeps tasks of modules needing it, or of projects needing it when no module matched", () => {
    expect(taskNeedsSkill({ labels: ["component/parser"], title: "" }, tidb, "yacc")).toBe(true);
    expect(taskNeedsSkill({ labels: ["component/executor"], title: "" }, tidb, "Yacc")).toBe(false);
    expect(taskNeedsSkill({ labels: [], title: "something else" }, tidb, "Yacc")).toBe(true);
    expect(taskNeedsSkill({ labels: [], title: "something else" }, tidb, "Rust")).toBe(false);
  });
});
