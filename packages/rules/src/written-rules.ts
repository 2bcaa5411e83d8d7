/** A written rule: its title, whether a machine can check it (and why not), and what enforces it outside the rule engine. */
export interface WrittenRule {
  readonly title: string;
  readonly machineCheckable: boolean;
  readonly why?: string;
  /** Enforcement outside `warden check` (hooks, gates, other commands). */
  readonly elsewhere?: string;
}

/** The written rules of ../shared/RULES.md, by number: short titles used in findings and `warden rules`. */
export const WRITTEN_RULES: Readonly<Record<string, WrittenRule>> = {
  "Rule 1": { title: "Real implementation only", machineCheckable: true },
  "Rule 2": {
    title: "Never break existing functionality",
    machineCheckable: true,
    elsewhere: "the pre-push hook runs the affected packages' tests (`hooks.prePush.test`); the changelog gate asks for a major changeset when a public API breaks",
  },
  "Rule 3": {
    title: "Analyse the whole ecosystem before changing it",
    machineCheckable: false,
    why: "analysis is a human activity; `warden plan` provides the inventory it starts from",
  },
  "Rule 4": { title: "Reuse and consolidate, no duplication", machineCheckable: true },
  "Rule 5": { title: "Professional standards", machineCheckable: true, elsewhere: "hard-coded secrets: the secret scanner (`warden scan`)" },
  "Rule 6": { title: "Documentation lives in /docs", machineCheckable: true },
  "Rule 7": { title: "Scripts are organised by purpose under /scripts/<category>/", machineCheckable: true },
  "Rule 8": { title: "Script and code excellence", machineCheckable: true },
  "Rule 9": { title: "One source of truth: no duplicate or backup implementations", machineCheckable: true },
  "Rule 10": {
    title: "Investigate before removing",
    machineCheckable: false,
    why: "intent cannot be checked; deletions that break imports are caught by the typecheck gate",
  },
  "Rule 11": { title: "Container excellence", machineCheckable: true },
  "Rule 12": {
    title: "One universal ./deploy.sh with health checks, backups and rollback",
    machineCheckable: true,
    elsewhere: "`./deploy.sh` and `warden deploy` (health checks, locks, rollback) in the deploy package",
  },
  "Rule 13": { title: "Zero waste", machineCheckable: true },
  "Rule 14": {
    title: "Coordinate with specialist reviewers",
    machineCheckable: false,
    why: "review is a human activity; CI posts one report every reviewer can read",
  },
  "Rule 15": { title: "Documentation quality: UTC timestamps, cross-references that resolve", machineCheckable: true },
  "Rule 16": {
    title: "Local LLM operations and hardware-aware resource management",
    machineCheckable: false,
    why: "not applicable to most repositories; deploy sizes its parallelism from the machine",
  },
  "Rule 17": { title: "A canonical documentation authority", machineCheckable: true },
  "Rule 18": { title: "A CHANGELOG.md in every engineering directory", machineCheckable: true, elsewhere: "the changeset-required gate of the changelog package" },
  "Rule 19": { title: "Track every change with context", machineCheckable: true, elsewhere: "the commit-msg hook rejects a message that is not Conventional Commits" },
  "Rule 20": { title: "Protect critical infrastructure config", machineCheckable: true },
  "Standard: quality": {
    title: "Coverage ≥ 80% per package, zero lint errors, public APIs documented",
    machineCheckable: true,
    elsewhere: "CI gates: `pnpm lint` and the coverage report; documented APIs: docs/exported-api-documented",
  },
  "Standard: security": {
    title: "Secret scan clean, dependency audit clean at the configured severity",
    machineCheckable: true,
    elsewhere: "`warden scan` in the pre-commit hook and CI; the deploy preflight's audit gate",
  },
  "Standard: CI stages": {
    title: "lint → test → security scan → build → deploy staging → integration tests → deploy production → smoke tests",
    machineCheckable: true,
    elsewhere: "`.ci/run` and the CI workflow run the stages in this order",
  },
  "Standard: deployment checklist": {
    title: "Tests, scan, benchmarks, migrations, rollback plan, health checks and docs checked before a production deploy",
    machineCheckable: true,
    elsewhere: "the preflight gates of `warden deploy`",
  },
  "Standard: secrets": {
    title: "One component holds every credential; per-task grants; tamper-evident audit log",
    machineCheckable: true,
    elsewhere: "the vault of the secrets package (`warden secrets run`, `warden secrets audit`)",
  },
  "Standard: system plan": {
    title: "The system plan is kept current by machine",
    machineCheckable: true,
    elsewhere: "`warden plan --check` in CI",
  },
  "Standard: ADRs": {
    title: "Architecture decisions are numbered ADRs with a status",
    machineCheckable: true,
    elsewhere: "`warden adr new|list` of the changelog package",
  },
};

/** "Rule 1 — Real implementation only" for "Rule 1"; the id itself when it is not a numbered rule. */
export function describeWrittenRule(id: string): string {
  const entry = WRITTEN_RULES[id];
  return entry === undefined ? id : `${id} — ${entry.title}`;
}
