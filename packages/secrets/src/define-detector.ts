import type { Severity } from "@warden/core";

/** Where a candidate match sits, for validators that look around it. */
export interface MatchContext {
  /** The text being scanned (one file, or the added lines of one file in one commit). */
  readonly text: string;
  /** Offset of the match in `text`. */
  readonly index: number;
  /** Repository-relative path of the file. */
  readonly path: string;
}

/** What a validator may say about a candidate: reject it, or accept it with a note and severity. */
export type Verdict = boolean | { readonly severity?: Severity; readonly note?: string };

/** The part of the text around a keyword hit that a detector's pattern runs over. */
export interface DetectorWindow {
  /** Characters before the keyword (clipped to the start of its line unless `lines` is set). */
  readonly before?: number;
  /** Characters after the keyword (clipped to the end of its line unless `lines` is set). */
  readonly after?: number;
  /** Extend the window over this many whole lines before and after the keyword's line. */
  readonly lines?: number;
  /** Do not clip the window to the keyword's line (for blocks such as private keys). */
  readonly multiline?: boolean;
  /**
   * One character every match has after its keyword, within `after` characters on the same
   * line (`"@"` for `user:password@host`). A hit without it opens no window: a cheap native
   * search spares the pattern the many hits that cannot match (most `://` are plain URLs).
   */
  readonly needs?: string;
}

/** A detector that looks at file contents. */
export interface ContentDetectorSpec {
  /** Kebab-case id; findings use the rule id `secrets/<id>`. */
  readonly id: string;
  /** What it finds, as a noun phrase for messages: "GitHub personal access token". */
  readonly name: string;
  /** One line: what the detector finds, naming the vendor's documented format. */
  readonly description: string;
  /** Where the format is defined: the title of the vendor's (or the standard's) documentation page. */
  readonly source: string;
  readonly severity: Severity;
  /** Lower-case strings; the pattern runs only near a case-insensitive hit of one of them. */
  readonly keywords: readonly string[];
  /** The token's shape. The named group `secret` (else `bare`, else the whole match) is the secret. */
  readonly pattern: RegExp;
  readonly window?: DetectorWindow;
  /** Minimum Shannon entropy (bits per character) of the secret; lower values are placeholders. */
  readonly minEntropy?: number;
  /** Vendors' own published example values, never reported. */
  readonly examples?: readonly string[];
  /** Turn the matched text into the canonical secret (fingerprinted and shown redacted). */
  readonly normalize?: (match: string) => string;
  /**
   * A catch-all detector: its match is dropped when a specific detector matched the same text.
   * `"last"` (the generic assignment detector) also gives way to the other catch-alls.
   */
  readonly fallback?: boolean | "last";
  /** Extra structure checks (checksums, context); false drops the candidate. */
  readonly validate?: (secret: string, context: MatchContext) => Verdict;
}

/** A detector that reports files by name (key stores, .env files), whatever their contents. */
export interface PathDetectorSpec {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Where the file kind is defined: the title of the documentation page. */
  readonly source: string;
  readonly severity: Severity;
  /**
   * Optional look at the contents (text, at most maxFileSize): false means the file holds
   * nothing secret and is not reported (an .env file of ports and flags).
   */
  readonly judgeContent?: (text: string) => boolean;
  /** Whether the repository-relative path names a secret-bearing file. */
  readonly matchPath: (path: string) => boolean;
}

/** A content detector, ready for the scanner. */
export interface ContentDetector extends ContentDetectorSpec {
  readonly kind: "content";
  readonly ruleId: string;
  readonly docs: string;
}

/** A path detector, ready for the scanner. */
export interface PathDetector extends PathDetectorSpec {
  readonly kind: "path";
  readonly ruleId: string;
  readonly docs: string;
}

/** Any detector. */
export type Detector = ContentDetector | PathDetector;

/** The catalogue page every detector's docs link points into. */
export const DETECTOR_DOCS = "docs/secrets/detectors.md";

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function base(id: string): { ruleId: string; docs: string } {
  if (!ID.test(id)) throw new Error(`detector id "${id}" must be kebab-case`);
  return { ruleId: `secrets/${id}`, docs: `${DETECTOR_DOCS}#${id}` };
}

/** Build a content detector; derives its rule id and docs anchor from the id so they cannot drift. */
export function defineDetector(spec: ContentDetectorSpec): ContentDetector {
  if (spec.source.trim().length === 0) throw new Error(`detector ${spec.id}: name the documentation its format comes from (source)`);
  // The keyword prefilter carries every content detector: one without keywords would run its
  // pattern over every byte of every file.
  if (spec.keywords.length === 0) throw new Error(`detector ${spec.id}: give at least one keyword`);
  for (const keyword of spec.keywords) {
    if (keyword !== keyword.toLowerCase() || keyword.length < 2) {
      throw new Error(`detector ${spec.id}: keyword "${keyword}" must be lower-case and at least 2 characters`);
    }
  }
  const needs = spec.window?.needs;
  if (needs !== undefined && (needs.length !== 1 || needs.charCodeAt(0) > 0x7f)) {
    throw new Error(`detector ${spec.id}: window.needs "${needs}" must be one ASCII character`);
  }
  if (needs !== undefined && (spec.window?.lines !== undefined || spec.window?.multiline === true)) {
    throw new Error(`detector ${spec.id}: window.needs works on the keyword's own line only, not with window.lines or window.multiline`);
  }
  let flags = spec.pattern.flags;
  for (const flag of ["g", "d"]) if (!flags.includes(flag)) flags += flag;
  return { ...spec, pattern: new RegExp(spec.pattern.source, flags), kind: "content", ...base(spec.id) };
}

/** Build a file-name detector. */
export function definePathDetector(spec: PathDetectorSpec): PathDetector {
  return { ...spec, kind: "path", ...base(spec.id) };
}
