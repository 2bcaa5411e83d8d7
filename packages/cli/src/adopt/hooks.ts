import type { ForeignHookManager, ManagerChoice, PackageManager } from "./detect.js";

/** The hooks Warden installs, with the argument list git gives each. */
export const WARDEN_HOOKS = [
  { name: "pre-commit", args: "" },
  { name: "commit-msg", args: ' "$1"' },
  { name: "pre-push", args: ' "$@"' },
] as const;

export type WardenHookName = (typeof WARDEN_HOOKS)[number]["name"];

/**
 * How a hook starts the warden binary. husky puts node_modules/.bin on PATH before it runs a
 * hook, so `warden` alone is found without starting a package manager first; Yarn Plug'n'Play has
 * no node_modules/.bin, so it goes through `yarn`.
 */
export function hookRunner(manager: ManagerChoice): string {
  return manager.pnp ? "yarn warden" : "warden";
}

/** How a person (or a hook manager that does not set PATH) runs a local binary. */
export function execPrefix(manager: PackageManager): string {
  switch (manager) {
    case "pnpm":
      return "pnpm exec";
    case "yarn":
      return "yarn";
    case "bun":
      return "bunx";
    case "npm":
      return "npx --no";
  }
}

/** The line of `.husky/<name>` that runs Warden. */
export function hookLine(name: WardenHookName, runner: string): string {
  const hook = WARDEN_HOOKS.find((h) => h.name === name);
  return `${runner} hook ${name}${hook?.args ?? ""}`;
}

/** Whether a hook script already runs Warden's hook of that name (in any spelling: npx, pnpm exec, a path to warden.js). */
export function callsWarden(text: string, name: WardenHookName): boolean {
  return new RegExp(`\\bwarden(?:\\.js)?["']?\\s+hook\\s+${name}\\b`).test(text);
}

/**
 * The hook script with Warden's line added, or the text unchanged when it already calls Warden.
 * Nothing of the user's is removed or reordered: the line goes at the end, or before a final
 * `exit` that would stop the script before it.
 */
export function mergeHook(existing: string | undefined, name: WardenHookName, runner: string): string {
  const line = hookLine(name, runner);
  if (existing === undefined || existing.trim() === "") return `${line}\n`;
  if (callsWarden(existing, name)) return existing;
  const lines = existing.replace(/\n+$/, "").split("\n");
  const last = lines.at(-1) ?? "";
  if (/^\s*exit(\s+0)?\s*$/.test(last)) return `${[...lines.slice(0, -1), line, last].join("\n")}\n`;
  return `${lines.join("\n")}\n${line}\n`;
}

/** The `prepare` script with husky added (`… && husky`; `husky install` before husky 9), unchanged when it already runs husky. */
export function mergePrepare(existing: string | undefined, command = "husky"): string {
  if (existing === undefined || existing.trim() === "") return command;
  if (/(^|[\s;&|])husky(\s|$|;|&|\|)/.test(existing) || /husky install/.test(existing)) return existing;
  return `${existing} && ${command}`;
}

/** How messages name another hook manager. */
export function managerLabel(foreign: ForeignHookManager): string {
  return foreign.name === "git hooks" ? "hook scripts of their own" : foreign.name;
}

/** What to add to another hook manager's config so it runs Warden, as text to print. */
export function foreignHookLines(foreign: ForeignHookManager, manager: PackageManager): string {
  const run = `${execPrefix(manager)} warden`;
  switch (foreign.name) {
    case "lefthook":
      return [
        "# lefthook.yml",
        "pre-commit:",
        "  commands:",
        "    warden:",
        `      run: ${run} hook pre-commit`,
        "commit-msg:",
        "  commands:",
        "    warden:",
        `      run: ${run} hook commit-msg {1}`,
        "pre-push:",
        "  commands:",
        "    warden:",
        `      run: ${run} hook pre-push {1} {2}`,
        "      use_stdin: true",
      ].join("\n");
    case "pre-commit":
      return [
        "# .pre-commit-config.yaml (then: pre-commit install --hook-type pre-commit --hook-type commit-msg --hook-type pre-push)",
        "repos:",
        "  - repo: local",
        "    hooks:",
        "      - id: warden",
        "        name: warden",
        `        entry: ${run} hook pre-commit`,
        "        language: system",
        "        pass_filenames: false",
        "        always_run: true",
        "        stages: [pre-commit]",
        "      - id: warden-commit-msg",
        "        name: warden (commit message)",
        `        entry: ${run} hook commit-msg`,
        "        language: system",
        "        stages: [commit-msg]",
        "      - id: warden-pre-push",
        "        name: warden (pushed commits)",
        `        entry: sh -c 'printf "%s %s %s %s\\n" "$PRE_COMMIT_LOCAL_BRANCH" "$PRE_COMMIT_TO_REF" "$PRE_COMMIT_REMOTE_BRANCH" "$PRE_COMMIT_FROM_REF" | ${run} hook pre-push "$PRE_COMMIT_REMOTE_NAME" "$PRE_COMMIT_REMOTE_URL"'`,
        "        language: system",
        "        pass_filenames: false",
        "        always_run: true",
        "        stages: [pre-push]",
      ].join("\n");
    case "git hooks":
      return WARDEN_HOOKS.map((hook) => `# ${hook.name}\n${run} hook ${hook.name}${hook.args}`).join("\n");
  }
}
