/**
 * What enforces a written rule outside its checks in the rule engine. Each one names something a
 * test resolves (packages/cli/test/catalogue-enforcers.test.ts): a registered CLI command, a
 * built-in rule, a git hook `warden hook` runs, or a gate that both `.ci/run` and the CI workflow
 * run. What is not built yet is `planned`, never shown as enforced.
 */
export type Enforcer =
  /** A `warden` command (words as typed after `warden`, e.g. "scan" or "deploy"). */
  | { readonly kind: "command"; readonly command: string; readonly what: string }
  /** A built-in rule by id. */
  | { readonly kind: "rule"; readonly rule: string; readonly what: string }
  /** A git hook, as run by `warden hook NAME`. */
  | { readonly kind: "hook"; readonly hook: "pre-commit" | "commit-msg" | "pre-push"; readonly what: string }
  /** A CI gate: `run` is the command line both .ci/run and .github/workflows/ci.yml run. */
  | { readonly kind: "ci"; readonly run: string; readonly what: string }
  /** Not built yet. */
  | { readonly kind: "planned"; readonly what: string };

/** A written rule: its title, whether a machine can check it (and why not), and what enforces it outside the rule engine. */
export interface WrittenRule {
  readonly title: string;
  readonly machineCheckable: boolean;
  readonly why?: string;
  /** Enforcement outside the checks of `warden check` (hooks, gates, other commands), and what is planned. */
  readonly alsoEnforcedBy?: readonly Enforcer[];
}

/** The written rules of ../shared/RULES.md, by number: the one table of their titles, used in findings, hooks and `warden rules`. */
export const WRITTEN_RULES: Readonly<Record<string, WrittenRule>> = {
  "Rule 1": { title: "Real implementation only", machineCheckable: true },
  "Rule 2": {
    title: "Never break existing functionality",
    machineCheckable: true,
    alsoEnforcedBy: [
      { kind: "hook", hook: "pre-push", what: "runs the tests set in `hooks.prePush.test` before the push" },
      { kind: "ci", run: "pnpm test", what: "the test suite" },
      { kind: "rule", rule: "changes/api-break-major", what: "a public API break needs a major changeset" },
      { kind: "command", command: "api", what: "the public API surface of each package, compared between two states" },
    ],
  },
  "Rule 3": {
    title: "Analyse the whole ecosystem before changing it",
    machineCheckable: false,
    why: "analysis is a human activity",
    alsoEnforcedBy: [{ kind: "command", command: "plan", what: "the system plan: the inventory (packages, endpoints, infrastructure, environments) the analysis starts from" }],
  },
  "Rule 4": { title: "Reuse and consolidate, no duplication", machineCheckable: true },
  "Rule 5": {
    title: "Professional standards",
    machineCheckable: true,
    alsoEnforcedBy: [{ kind: "command", command: "scan", what: "hard-coded secrets" }],
  },
  "Rule 6": { title: "Documentation lives in /docs", machineCheckable: true },
  "Rule 7": { title: "Scripts are organised by purpose under /scripts/<category>/", machineCheckable: true },
  "Rule 8": { title: "Script and code excellence", machineCheckable: true },
  "Rule 9": { title: "One source of truth: no duplicate or backup implementations", machineCheckable: true },
  "Rule 10": {
    title: "Investigate before removing",
    machineCheckable: false,
    why: "intent cannot be checked",
    alsoEnforcedBy: [{ kind: "ci", run: "pnpm typecheck", what: "a deletion that breaks an import fails the typecheck" }],
  },
  "Rule 11": { title: "Container excellence", machineCheckable: true },
  "Rule 12": {
    title: "One universal ./deploy.sh with health checks, backups and rollback",
    machineCheckable: true,
    alsoEnforcedBy: [
      { kind: "command", command: "deploy", what: "`./deploy.sh` runs it: preflight gates, health checks, locks, automatic rollback" },
      { kind: "command", command: "rollback", what: "back to the previous release" },
    ],
  },
  "Rule 13": { title: "Zero waste", machineCheckable: true },
  "Rule 14": {
    title: "Coordinate with specialist reviewers",
    machineCheckable: false,
    why: "review is a human activity",
    alsoEnforcedBy: [{ kind: "command", command: "ci report", what: "puts every finding in front of the reviewers on the pull request: check runs, one sticky comment, code scanning" }],
  },
  "Rule 15": { title: "Documentation quality: UTC timestamps, cross-references that resolve", machineCheckable: true },
  "Rule 16": {
    title: "Local LLM operations and hardware-aware resource management",
    machineCheckable: false,
    why: "not applicable to most repositories",
  },
  "Rule 17": { title: "A canonical documentation authority", machineCheckable: true },
  "Rule 18": {
    title: "A CHANGELOG.md in every engineering directory",
    machineCheckable: true,
    alsoEnforcedBy: [
      { kind: "command", command: "deploy", what: "the preflight's changeset gate: a changeset for every package changed since the live release" },
      { kind: "rule", rule: "changes/changeset-required", what: "the changelog gate: a changeset for every changed package of the commits checked" },
      { kind: "command", command: "changelog", what: "the changelog written from the changesets" },
    ],
  },
  "Rule 19": {
    title: "Track every change with context",
    machineCheckable: true,
    alsoEnforcedBy: [
      { kind: "hook", hook: "commit-msg", what: "refuses a message that is not Conventional Commits" },
      { kind: "hook", hook: "pre-push", what: "checks the messages of the pushed commits" },
    ],
  },
  "Rule 20": { title: "Protect critical infrastructure config", machineCheckable: true },
  "Standard: quality": {
    title: "Coverage ≥ 80% per package, zero lint errors, public APIs documented",
    machineCheckable: true,
    alsoEnforcedBy: [
      { kind: "ci", run: "pnpm lint", what: "zero lint errors" },
      { kind: "rule", rule: "docs/exported-api-documented", what: "public APIs documented" },
      { kind: "command", command: "coverage", what: "each package's coverage from the test run's reports, held to ≥ 80% (or its configured minimum)" },
    ],
  },
  "Standard: security": {
    title: "Secret scan clean, dependency audit clean at the configured severity",
    machineCheckable: true,
    alsoEnforcedBy: [
      { kind: "hook", hook: "pre-commit", what: "scans the staged content for secrets (`hooks.preCommit.scan`)" },
      { kind: "ci", run: "node packages/cli/bin/warden.js scan", what: "secret scan of the repository and of the commits under test" },
      { kind: "command", command: "audit", what: "dependency audit of the lockfile's packages at the configured severity (a CI gate; needs the registry)" },
      { kind: "command", command: "deploy", what: "the preflight's audit gate (`preflight.audit`)" },
    ],
  },
  "Standard: CI stages": {
    title: "lint → test → security scan → build → deploy staging → integration tests → deploy production → smoke tests",
    machineCheckable: true,
    alsoEnforcedBy: [
      { kind: "ci", run: "pnpm lint", what: "lint" },
      { kind: "ci", run: "pnpm test", what: "test" },
      { kind: "ci", run: "node packages/cli/bin/warden.js scan", what: "security scan" },
      { kind: "ci", run: "pnpm build", what: "build" },
      { kind: "command", command: "init", what: "`warden init --ci github` writes the workflow with the eight stages in order as jobs (deploy staging → integration tests → deploy production → smoke tests after build)" },
    ],
  },
  "Standard: deployment checklist": {
    title: "Tests, scan, benchmarks, migrations, rollback plan, health checks and docs checked before a production deploy",
    machineCheckable: true,
    alsoEnforcedBy: [{ kind: "command", command: "deploy", what: "the preflight gates (`preflight.checklist` runs every item)" }],
  },
  "Standard: secrets": {
    title: "One component holds every credential; per-task grants; tamper-evident audit log",
    machineCheckable: true,
    alsoEnforcedBy: [
      { kind: "command", command: "secrets run", what: "the vault runs a task with only the secrets granted to it" },
      { kind: "command", command: "secrets audit", what: "verifies the vault's tamper-evident audit log" },
    ],
  },
  "Standard: system plan": {
    title: "The system plan is kept current by machine",
    machineCheckable: true,
    alsoEnforcedBy: [
      { kind: "command", command: "plan", what: "writes the plan from deploy events, monitoring, migrations and the code; `--check` fails when it is stale" },
      { kind: "command", command: "monitor", what: "probes the live environment and records latency, error rate and availability for the plan" },
      { kind: "command", command: "plan", what: "`--check --code` in CI on any checkout: the sections the code decides (endpoints, infrastructure, ADRs) are current; the workflow `warden init --ci github` writes runs it in the lint job when the repository has a plan" },
    ],
  },
  "Standard: ADRs": {
    title: "Architecture decisions are numbered ADRs with a status",
    machineCheckable: true,
    alsoEnforcedBy: [
      { kind: "command", command: "adr new", what: "numbers and writes a new ADR with its status" },
      { kind: "command", command: "adr list", what: "lists the ADRs and their status" },
    ],
  },
};

/** One line for an enforcer: "`warden scan`: hard-coded secrets", "planned: vault …". */
export function describeEnforcer(enforcer: Enforcer): string {
  switch (enforcer.kind) {
    case "command":
      return `\`warden ${enforcer.command}\`: ${enforcer.what}`;
    case "rule":
      return `rule \`${enforcer.rule}\`: ${enforcer.what}`;
    case "hook":
      return `${enforcer.hook} hook: ${enforcer.what}`;
    case "ci":
      return `CI gate \`${enforcer.run}\`: ${enforcer.what}`;
    case "planned":
      return `planned (not built yet): ${enforcer.what}`;
  }
}

/** "Rule 1 — Real implementation only" for "Rule 1"; the id itself when it is not a numbered rule. */
export function describeWrittenRule(id: string): string {
  const entry = WRITTEN_RULES[id];
  return entry === undefined ? id : `${id} — ${entry.title}`;
}
