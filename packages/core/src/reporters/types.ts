import type { Finding } from "../finding.js";
import type { SkippedFile } from "../skipped.js";

/** What a run produced: the findings plus what was covered, handed to every reporter. */
export interface Report {
  readonly tool: { readonly name: string; readonly version: string };
  readonly command: string;
  readonly findings: readonly Finding[];
  readonly summary: {
    readonly files: number;
    readonly durationMs: number;
    readonly commits?: number;
    readonly bytes?: number;
    readonly suppressed?: number;
    readonly baselined?: number;
    /** Files left out (over a size limit, unreadable): every format reports them. */
    readonly skipped?: readonly SkippedFile[];
    /** Notes on what the run covered (e.g. a shallow clone's history), one line each. */
    readonly notes?: readonly string[];
    /** A range check (CI): the commits that hold errors Warden's hooks refuse, so got past the hooks. */
    readonly hooksBypassed?: { readonly commits: readonly string[]; readonly hooks: readonly string[]; readonly findings: number };
  };
  /** Metadata of the rules that may appear in findings, for SARIF's rule table. */
  readonly rules?: readonly ReportRule[];
  /** Source text by file, for code frames (never consulted for sensitive findings). */
  readonly sources?: ReadonlyMap<string, string>;
}

/** What a reporter needs to know about a rule. */
export interface ReportRule {
  readonly id: string;
  readonly description: string;
  readonly enforces?: string;
  readonly docs?: string;
}

/** Per-call options of a reporter. */
export interface ReporterOptions {
  readonly color: boolean;
}

/** A reporter turns a report into the text of one output format. */
export type Reporter = (report: Report, options: ReporterOptions) => string;
