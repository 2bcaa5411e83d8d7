// Everything `warden rules` names as "also enforced by" exists: the command is registered in this
// CLI, the rule is built in, the hook is one `warden hook` runs, the gate is a command line of both
// .ci/run and the CI workflow. What is not built is `planned`, and shown as such.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import type { Enforcer } from "@warden/core";
import { BUILTIN_RULES } from "@warden/rules";
import { REPO_ROOT, WARDEN_BIN } from "@warden/test-utils";
import { buildProgram } from "../src/cli.js";
import { HOOKS } from "../src/commands/hook.js";

interface WrittenRow {
  readonly id: string;
  readonly title: string;
  readonly machineCheckable: boolean;
  readonly why?: string;
  readonly checks: readonly string[];
  readonly alsoEnforcedBy: readonly Enforcer[];
}

function rulesJson(): WrittenRow[] {
  const result = spawnSync(process.execPath, [WARDEN_BIN, "rules", "--json"], { cwd: REPO_ROOT, encoding: "utf8", env: { ...process.env, WARDEN_DAEMON: "0" } });
  expect(result.status, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { writtenRules: WrittenRow[] }).writtenRules;
}

const program = buildProgram({ cwd: REPO_ROOT, stdout: { write: () => true }, stderr: { write: () => true }, readStdin: async () => "" });

/** Whether `warden WORDS…` is a registered (visible) command. */
function registered(words: string): boolean {
  let commands: readonly Command[] = program.commands;
  for (const word of words.split(" ")) {
    const found = commands.find((command) => command.name() === word && !(command as Command & { _hidden?: boolean })._hidden);
    if (found === undefined) return false;
    commands = found.commands;
  }
  return true;
}

/** The command lines a CI definition runs (comments left out). */
function ciLines(file: string): string[] {
  const text = readFileSync(path.join(REPO_ROOT, file), "utf8");
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}
const ciRun = ciLines(".ci/run");
const workflow = ciLines(".github/workflows/ci.yml").filter((line) => /^(- )?run: /.test(line));

/** Why `enforcer` does not exist, or undefined when it does. */
function missing(enforcer: Enforcer): string | undefined {
  switch (enforcer.kind) {
    case "command":
      return registered(enforcer.command) ? undefined : `warden ${enforcer.command} is not a registered command`;
    case "rule":
      return BUILTIN_RULES.some((rule) => rule.id === enforcer.rule) ? undefined : `rule ${enforcer.rule} does not exist`;
    case "hook":
      return (HOOKS as readonly string[]).includes(enforcer.hook) ? undefined : `warden hook ${enforcer.hook} does not exist`;
    case "ci": {
      const inRun = ciRun.some((line) => line.includes(enforcer.run));
      const inWorkflow = workflow.some((line) => line.includes(enforcer.run));
      return inRun && inWorkflow ? undefined : `CI gate \`${enforcer.run}\` is not run by ${inRun ? "" : ".ci/run "}${inWorkflow ? "" : ".github/workflows/ci.yml"}`;
    }
    case "planned":
      return undefined;
  }
}

describe("warden rules: what it names as enforcers exists", () => {
  const written = rulesJson();

  it("resolves every enforcer it names (command registered, rule built in, hook run, gate in .ci/run and the workflow)", () => {
    const enforcers = written.flatMap((row) => row.alsoEnforcedBy.map((enforcer) => ({ row: row.id, enforcer })));
    expect(enforcers.filter(({ enforcer }) => enforcer.kind !== "planned").length).toBeGreaterThan(10);
    const problems = enforcers.flatMap(({ row, enforcer }) => {
      const why = missing(enforcer);
      return why === undefined ? [] : [`${row}: ${why}`];
    });
    expect(problems).toEqual([]);
  });

  it("the resolver refuses what does not exist", () => {
    expect(missing({ kind: "command", command: "frobnicate", what: "x" })).toMatch(/not a registered command/);
    expect(missing({ kind: "command", command: "plan", what: "x" })).toBeUndefined();
    expect(missing({ kind: "command", command: "adr frobnicate", what: "x" })).toMatch(/not a registered command/);
    expect(missing({ kind: "command", command: "secrets run", what: "x" })).toBeUndefined();
    expect(missing({ kind: "command", command: "__server", what: "x" })).toMatch(/not a registered command/);
    expect(missing({ kind: "rule", rule: "changelog/required", what: "x" })).toMatch(/does not exist/);
    expect(missing({ kind: "ci", run: "pnpm coverage", what: "x" })).toMatch(/is not run by/);
    expect(missing({ kind: "command", command: "report merge", what: "x" })).toBeUndefined();
  });

  it("names nothing as planned now that `warden plan --check --code` runs in CI, and shows built enforcers as enforced", () => {
    const planned = written.flatMap((row) => row.alsoEnforcedBy.filter((enforcer) => enforcer.kind === "planned").map((enforcer) => enforcer.what));
    expect(planned).toEqual([]);
    const text = spawnSync(process.execPath, [WARDEN_BIN, "rules"], { cwd: REPO_ROOT, encoding: "utf8", env: { ...process.env, WARDEN_DAEMON: "0" } }).stdout;
    expect(text).not.toContain("planned");
    expect(text).toContain("also: `warden plan`: `--check --code` in CI on any checkout");
    expect(text).toContain("also: `warden secrets run`");
    expect(text).toContain("also: `warden plan`: the system plan");
    expect(text).toContain("also: `warden monitor`: probes the live environment");
    expect(text).toContain("also: `warden audit`: dependency audit");
    expect(text).toContain("also: `warden coverage`: each package's coverage");
  });

  it("carries all twenty written rules and the standards, the not machine-checkable ones with their reason", () => {
    for (let n = 1; n <= 20; n += 1) expect(written.some((row) => row.id === `Rule ${n}`), `Rule ${n}`).toBe(true);
    const notCheckable = written.filter((row) => !row.machineCheckable);
    expect(notCheckable.map((row) => row.id)).toEqual(["Rule 3", "Rule 10", "Rule 14", "Rule 16"]);
    for (const row of notCheckable) expect(row.why, row.id).toMatch(/\S/);
    expect(written.find((row) => row.id === "Rule 1")).toMatchObject({ title: "Real implementation only", checks: expect.arrayContaining(["real/no-placeholder"]) });
  });
});
