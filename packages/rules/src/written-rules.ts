/** The written rules of ../shared/RULES.md, by number: short titles used in findings and `warden rules`. */
export const WRITTEN_RULES: Readonly<Record<string, { readonly title: string; readonly machineCheckable: boolean; readonly why?: string }>> = {
  "Rule 1": { title: "Real implementation only", machineCheckable: true },
  "Rule 2": { title: "Never break existing functionality", machineCheckable: true },
  "Rule 3": {
    title: "Analyse the whole ecosystem before changing it",
    machineCheckable: false,
    why: "analysis is a human activity; `warden plan` provides the inventory it starts from",
  },
  "Rule 4": { title: "Reuse and consolidate, no duplication", machineCheckable: true },
  "Rule 5": { title: "Professional standards", machineCheckable: true },
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
  "Rule 12": { title: "One universal ./deploy.sh with health checks, backups and rollback", machineCheckable: true },
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
  "Rule 18": { title: "A CHANGELOG.md in every engineering directory", machineCheckable: true },
  "Rule 19": { title: "Track every change with context", machineCheckable: true },
  "Rule 20": { title: "Protect critical infrastructure config", machineCheckable: true },
};

/** "Rule 1 — Real implementation only" for "Rule 1"; the id itself when it is not a numbered rule. */
export function describeWrittenRule(id: string): string {
  const entry = WRITTEN_RULES[id];
  return entry === undefined ? id : `${id} — ${entry.title}`;
}
