import { describeWrittenRule, fingerprintOf, type Finding, type Severity, type SkippedFile, type WardenConfig } from "@warden/core";
import picomatch from "picomatch";
import type { ContentDetector, Detector, DetectorWindow, MatchContext, PathDetector } from "./define-detector.js";
import { isPlaceholder, shannonEntropy } from "./entropy.js";
import { KeywordAutomaton } from "./keywords.js";
import { redact } from "./redact.js";
import { blankVaultCiphertext, isVaultPath } from "./vault-format.js";
import { DETECTORS } from "./registry.js";

/** The `secrets` section of the config, defaults filled in. */
export type SecretsSettings = WardenConfig["secrets"];

/** The written rule every secret finding enforces. */
export const SECRETS_RULE = `${describeWrittenRule("Rule 5")} (no hard-coded secrets)`;

const HINT =
  "Revoke or rotate it at the vendor now, then remove it and load it from the environment or a secret store. " +
  "A test value: build it at run time, or mark the line `warden-ignore-secret -- <reason>`, or add the fingerprint to secrets.allowFingerprints.";

/** Bytes looked at to decide whether a file is binary (git looks at the same amount). */
const BINARY_SNIFF_BYTES = 8000;
/** Longest stretch looked at when finding line boundaries around a keyword. */
const LINE_SEARCH_LIMIT = 4096;
/** Windows of one detector closer than this are joined into one slice. */
const WINDOW_GAP = 256;
/** Merged windows stop growing at this size, so one dense region cannot become one huge regex run. */
const MAX_WINDOW = 64 * 1024;
/** Secrets longer than this (key blocks) skip the placeholder word check: random text hits it by chance. */
const PLACEHOLDER_CHECK_MAX = 200;
const NO_BYTES = Buffer.alloc(0);

/** One piece of content to scan. */
export interface ScanTarget {
  /** Repository-relative path. */
  readonly path: string;
  /** The bytes (or text) to scan; undefined for a file known to be too large, which is only noted. */
  readonly content: Buffer | string | undefined;
  /** Size in bytes when `content` is undefined. */
  readonly size?: number;
  /** The commit that added this content (range and history scans). */
  readonly commit?: string;
  /**
   * For added lines of a patch: the file's line number for each line of `content` (1-based
   * index into this array). Without it, line n of the content is line n of the file.
   */
  readonly lines?: readonly number[];
}

/** What a scan covered and what it left out. */
export interface ScanStats {
  files: number;
  bytes: number;
  commits: number;
  /** Binary files (a NUL byte in the first 8000 bytes) scanned as raw bytes: tokens are ASCII inside binaries too. */
  binary: number;
  /** UTF-16 files (LE or BE, with or without a byte order mark) decoded and scanned as text. */
  utf16: number;
  /** Commit messages scanned (range and history scans). */
  messages: number;
  /** Files (or one commit's version of one) not read because they are larger than `maxFileSize`. */
  skipped: SkippedFile[];
  /** Paths skipped by `allowPaths`. */
  allowedPaths: number;
  /** Findings silenced by an inline `warden-ignore-secret -- reason`. */
  suppressed: number;
  /** Findings dropped by `allowPatterns` or `allowFingerprints`. */
  allowed: number;
  /** Findings dropped because the baseline has them. */
  baselined: number;
}

/** Options of a {@link SecretScanner}. */
export interface ScannerOptions {
  readonly settings?: Partial<SecretsSettings>;
  /** Detectors to run (default: every built-in detector not disabled in settings). */
  readonly detectors?: readonly Detector[];
  /** Fingerprints already accepted (from the baseline file). */
  readonly baseline?: Iterable<string>;
  /**
   * Called with each reported secret (for `warden scan --verify`, which holds them in memory
   * until the vendor has been asked). The secret never enters a finding.
   */
  readonly onSecret?: (detectorId: string, secret: string, fingerprint: string) => void;
}

interface Candidate {
  readonly detector: ContentDetector;
  readonly start: number;
  readonly end: number;
  readonly secret: string;
  readonly severity: Severity;
  readonly note: string | undefined;
}

/** The pseudo-path of findings in a commit message: `commit:<first 12 hex digits>`. */
export function commitLocation(oid: string): string {
  return `commit:${oid.slice(0, 12)}`;
}

/**
 * Whether binary-looking content is UTF-16 text, and which byte order: a byte order mark, or
 * (without one) NUL bytes on one side of most code units and on almost none of the other, as
 * mostly-ASCII UTF-16 text has. Looks at the first 8000 bytes.
 */
export function utf16Encoding(content: Buffer): "le" | "be" | undefined {
  if (content.length >= 2) {
    if (content[0] === 0xff && content[1] === 0xfe) return "le";
    if (content[0] === 0xfe && content[1] === 0xff) return "be";
  }
  const pairs = Math.floor(Math.min(content.length, BINARY_SNIFF_BYTES) / 2);
  if (pairs < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  let evenText = 0;
  let oddText = 0;
  for (let i = 0; i < pairs; i += 1) {
    const even = content[2 * i] as number;
    const odd = content[2 * i + 1] as number;
    if (even === 0) evenZero += 1;
    if (odd === 0) oddZero += 1;
    if (odd === 0 && isTextByte(even)) evenText += 1;
    if (even === 0 && isTextByte(odd)) oddText += 1;
  }
  // Mostly-ASCII text: one side of each unit is NUL, the other a printable character or white space.
  if (oddZero >= pairs * 0.5 && evenZero <= pairs * 0.05 && evenText >= oddZero * 0.9) return "le";
  if (evenZero >= pairs * 0.5 && oddZero <= pairs * 0.05 && oddText >= evenZero * 0.9) return "be";
  return undefined;
}

/** Whether `content` holds a NUL byte in its first 8000 bytes (git's test for binary content). */
function looksBinary(content: Buffer): boolean {
  // One native search, without the view a subarray would allocate for every file.
  const nul = content.indexOf(0);
  return nul >= 0 && nul < BINARY_SNIFF_BYTES;
}

function isTextByte(byte: number): boolean {
  return (byte >= 0x20 && byte < 0x7f) || byte === 9 || byte === 10 || byte === 13;
}

/** Decode UTF-16 content (byte order mark dropped) into UTF-8 bytes to scan; line numbers are those of the text. */
export function decodeUtf16(content: Buffer, encoding: "le" | "be"): Buffer {
  const even = content.subarray(0, content.length - (content.length % 2));
  const units = encoding === "le" ? even : Buffer.from(even).swap16();
  const text = units.toString("utf16le");
  return Buffer.from(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, "utf8");
}

/** Start of the line holding `at`, looking back at most `limit` bytes. */
function lineStart(bytes: Uint8Array, at: number, limit: number): number {
  const floor = Math.max(0, at - limit);
  for (let i = at - 1; i >= floor; i -= 1) if (bytes[i] === 10) return i + 1;
  return floor;
}

/** End (the newline's offset) of the line holding `at`, looking ahead at most `limit` bytes. */
function lineEnd(bytes: Uint8Array, at: number, limit: number): number {
  const ceiling = Math.min(bytes.length, at + limit);
  for (let i = at; i < ceiling; i += 1) if (bytes[i] === 10) return i;
  return ceiling;
}

function windowAround(bytes: Uint8Array, at: number, length: number, spec: DetectorWindow): [number, number] {
  const before = spec.before ?? 128;
  const after = spec.after ?? 512;
  if (spec.lines !== undefined) {
    let start = lineStart(bytes, at, LINE_SEARCH_LIMIT);
    let end = lineEnd(bytes, at + length, LINE_SEARCH_LIMIT);
    for (let n = 0; n < spec.lines && start > 0; n += 1) start = lineStart(bytes, start - 1, LINE_SEARCH_LIMIT);
    for (let n = 0; n < spec.lines && end < bytes.length; n += 1) end = lineEnd(bytes, end + 1, LINE_SEARCH_LIMIT);
    return [start, end];
  }
  if (spec.multiline === true) return [Math.max(0, at - before), Math.min(bytes.length, at + length + after)];
  return [lineStart(bytes, at, before), lineEnd(bytes, at + length, after)];
}

function inlineIgnore(bytes: Buffer, at: number): boolean {
  const start = lineStart(bytes, at, LINE_SEARCH_LIMIT);
  const previous = start > 0 ? lineStart(bytes, start - 1, LINE_SEARCH_LIMIT) : start;
  const lines = bytes.toString("latin1", previous, lineEnd(bytes, at, LINE_SEARCH_LIMIT));
  const marker = /warden-ignore-secret(?:\s*(?:--|:)\s*(\S[^\n]{2,}))?/.exec(lines);
  return marker !== null && marker[1] !== undefined;
}

/** What to do about a secret-bearing file; an .env file's values belong in Warden's vault. */
const ENV_HINT = (detectorId: string, path: string): string =>
  detectorId === "env-file"
    ? `Move its values into the vault: \`warden secrets import ${path}\` encrypts them into .warden-vault and removes the file (docs/secrets/vault.md); if it was pushed, rotate what it held and remove it from history.`
    : "Remove the file from git (and from history if it was pushed), rotate what it holds, and add its name to .gitignore.";

/**
 * Scans text for secrets. A keyword prefilter (one case-insensitive pass over the text) finds
 * where each detector could match; detector patterns then run only over small windows around
 * those hits. Every finding carries the secret redacted and a fingerprint — never the secret.
 */
export class SecretScanner {
  readonly stats: ScanStats = {
    files: 0,
    bytes: 0,
    commits: 0,
    binary: 0,
    utf16: 0,
    messages: 0,
    skipped: [],
    allowedPaths: 0,
    suppressed: 0,
    allowed: 0,
    baselined: 0,
  };
  readonly detectors: readonly Detector[];
  private readonly content: readonly ContentDetector[];
  private readonly paths: readonly PathDetector[];
  private readonly automaton: KeywordAutomaton;
  /** Keyword index (in the automaton) → indexes (into `content`) of the detectors it wakes. */
  private readonly byKeyword: readonly (readonly number[])[];
  private readonly windowSpecs: readonly (DetectorWindow | undefined)[];
  /** Per content detector: the byte its window needs after the keyword (see DetectorWindow.needs), or -1. */
  private readonly needs: readonly number[];
  /** Files (and a commit's added lines of one file, and commit messages) above this many bytes are reported as skipped, not scanned. */
  readonly maxFileSize: number;
  private readonly allowPath: (path: string) => boolean;
  private readonly allowPatterns: readonly RegExp[];
  private readonly allowFingerprints: ReadonlySet<string>;
  private readonly baseline: ReadonlySet<string>;
  private readonly onSecret: ScannerOptions["onSecret"];
  /** Per content detector: its windows in the file being scanned (see candidates). */
  private readonly windowScratch: (number[] | undefined)[];
  /** Per content detector with `needs`: the next offset of its byte in the file being scanned, or -1. */
  private readonly neededScratch: number[];
  /** Detectors whose `neededScratch` entry the file being scanned set. */
  private readonly neededTouched: number[] = [];
  /** Detectors the file being scanned woke (indexes into `content`). */
  private readonly woken: number[] = [];
  /** Per keyword (index in the automaton): its length in bytes. */
  private readonly keywordLengths: readonly number[];
  /** The buffer being walked by the automaton, and the line around its current hit. */
  private hitBytes: Buffer = NO_BYTES;
  private lineFrom = 0;
  private lineTo = -1;

  constructor(options: ScannerOptions = {}) {
    const settings = options.settings ?? {};
    const disabled = new Set(settings.disable ?? []);
    this.detectors = (options.detectors ?? DETECTORS).filter((d) => !disabled.has(d.id) && !disabled.has(d.ruleId));
    this.content = this.detectors.filter((d): d is ContentDetector => d.kind === "content");
    this.paths = this.detectors.filter((d): d is PathDetector => d.kind === "path");
    this.maxFileSize = settings.maxFileSize ?? 5 * 1024 * 1024;
    const globs = settings.allowPaths ?? [];
    this.allowPath = globs.length > 0 ? picomatch([...globs], { dot: true }) : () => false;
    this.allowPatterns = (settings.allowPatterns ?? []).map((source) => new RegExp(source));
    this.allowFingerprints = new Set(settings.allowFingerprints ?? []);
    this.baseline = new Set(options.baseline ?? []);
    this.onSecret = options.onSecret;
    this.windowScratch = new Array<number[] | undefined>(this.content.length);
    this.neededScratch = new Array<number>(this.content.length).fill(-1);

    this.windowSpecs = this.content.map((d) => d.window);
    this.needs = this.content.map((d) => (d.window?.needs === undefined ? -1 : d.window.needs.charCodeAt(0)));
    const own = new Map<string, number[]>();
    this.content.forEach((detector, index) => {
      for (const keyword of detector.keywords) own.set(keyword, [...(own.get(keyword) ?? []), index]);
    });
    this.automaton = KeywordAutomaton.for([...own.keys()]);
    this.byKeyword = this.automaton.keywords.map((keyword) => own.get(keyword) ?? []);
    this.keywordLengths = this.automaton.keywords.map((keyword) => keyword.length);
  }

  /** Whether `path` is excluded by `allowPaths`. */
  isAllowedPath(path: string): boolean {
    return this.allowPath(path);
  }

  /**
   * Scan one file (or the added lines of one file in one commit): file-name detectors, then —
   * unless the content is binary or too large — content detectors. Updates {@link stats}.
   */
  scan(target: ScanTarget): Finding[] {
    if (this.allowPath(target.path)) {
      this.stats.allowedPaths += 1;
      return [];
    }
    this.stats.files += 1;
    const findings = this.scanPath(target.path, target.commit, target.content);
    const size = target.content?.length ?? target.size ?? 0;
    if (target.content === undefined || size > this.maxFileSize) {
      this.stats.skipped.push({
        file: target.path,
        reason: "too-large",
        size,
        limit: this.maxFileSize,
        setting: "secrets.maxFileSize",
        ...(target.commit === undefined ? {} : { commit: target.commit }),
      });
      return findings;
    }
    let bytes: Buffer;
    if (typeof target.content === "string") {
      // One byte per UTF-16 unit: offsets stay those of the string (patch text is a latin1 view already).
      bytes = Buffer.from(target.content, "latin1");
    } else if (looksBinary(target.content)) {
      const encoding = utf16Encoding(target.content);
      if (encoding === undefined) {
        // Binary: scanned as raw bytes, where ASCII tokens are found as in text.
        this.stats.binary += 1;
        bytes = target.content;
      } else {
        this.stats.utf16 += 1;
        bytes = decodeUtf16(target.content, encoding);
      }
    } else {
      bytes = target.content;
    }
    if (isVaultPath(target.path)) {
      // Warden's own store: its sealed fields are ciphertext; the rest of the file is scanned.
      const blanked = blankVaultCiphertext(bytes, (field) => this.hasKeyword(field));
      if (blanked !== undefined) bytes = blanked.bytes;
    }
    this.stats.bytes += size;
    findings.push(...this.scanBytes(target.path, bytes, target));
    return findings;
  }

  /**
   * Content detectors over a commit message; findings are reported on `commit:<oid>` (the same
   * pseudo-path commit findings of `warden check` use) and name the commit.
   */
  scanMessage(commit: string, message: Buffer): Finding[] {
    const where = commitLocation(commit);
    if (message.length > this.maxFileSize) {
      this.stats.skipped.push({ file: where, reason: "too-large", size: message.length, limit: this.maxFileSize, setting: "secrets.maxFileSize", commit });
      return [];
    }
    this.stats.messages += 1;
    this.stats.bytes += message.length;
    return this.scanBytes(where, message, { commit });
  }

  /**
   * File-name detectors only. With `content`, a detector that judges contents (an .env file of
   * ports and flags) may decline; binary or unknown content is reported on the name alone.
   */
  scanPath(path: string, commit?: string, content?: Buffer | string): Finding[] {
    const findings: Finding[] = [];
    for (const detector of this.paths) {
      if (!detector.matchPath(path)) continue;
      if (detector.judgeContent !== undefined && content !== undefined && content.length <= this.maxFileSize) {
        const binary = typeof content !== "string" && looksBinary(content);
        if (!binary && !detector.judgeContent(typeof content === "string" ? content : content.toString("utf8"))) continue;
      }
      const fingerprint = fingerprintOf(detector.ruleId, path);
      if (this.dropped(fingerprint)) continue;
      findings.push({
        ruleId: detector.ruleId,
        messageId: "secretFile",
        severity: detector.severity,
        message: `${detector.name} in the repository: ${path.slice(path.lastIndexOf("/") + 1)}.`,
        file: path,
        line: 1,
        column: 1,
        hint: ENV_HINT(detector.id, path),
        rule: SECRETS_RULE,
        docs: detector.docs,
        fingerprint,
        sensitive: true,
        ...(commit === undefined ? {} : { commit }),
      });
    }
    return findings;
  }

  /** Content detectors over `text`, one byte per character (see {@link SecretScanner.scanBytes}). */
  scanText(path: string, text: string, extra: { readonly commit?: string; readonly lines?: readonly number[] } = {}): Finding[] {
    return this.scanBytes(path, Buffer.from(text, "latin1"), extra);
  }

  /**
   * Content detectors over raw bytes: offsets and columns are byte offsets, and invalid UTF-8
   * cannot break anything. Does not touch {@link stats} except for what it drops.
   */
  scanBytes(path: string, bytes: Buffer, extra: { readonly commit?: string; readonly lines?: readonly number[] } = {}): Finding[] {
    const candidates = this.candidates(bytes, path);
    if (candidates.length === 0) return [];
    candidates.sort((a, b) => a.start - b.start || a.end - b.end);
    // A catch-all gives way to a more specific detector on the same text (see ContentDetectorSpec.fallback).
    const rank = (c: Candidate): number => (c.detector.fallback === "last" ? 2 : c.detector.fallback === true ? 1 : 0);
    const kept = candidates.filter(
      (c) => rank(c) === 0 || !candidates.some((s) => rank(s) < rank(c) && s.start < c.end && c.start < s.end),
    );
    const findings: Finding[] = [];
    let line = 1;
    let lineAt = 0; // offset of the start of `line`
    let counted = 0; // newlines before this offset are counted
    const advance = (to: number): void => {
      while (counted < to) {
        const newline = bytes.indexOf(10, counted);
        if (newline < 0 || newline >= to) {
          counted = to;
          return;
        }
        line += 1;
        lineAt = newline + 1;
        counted = newline + 1;
      }
    };
    for (const candidate of kept) {
      advance(candidate.start);
      const startLine = line;
      const startColumn = candidate.start - lineAt + 1;
      advance(candidate.end);
      const endLine = line;
      const endColumn = candidate.end - lineAt + 1;
      if (inlineIgnore(bytes, candidate.start)) {
        this.stats.suppressed += 1;
        continue;
      }
      if (this.allowPatterns.some((re) => re.test(candidate.secret))) {
        this.stats.allowed += 1;
        continue;
      }
      const { detector } = candidate;
      const fingerprint = fingerprintOf(detector.ruleId, candidate.secret);
      if (this.dropped(fingerprint)) continue;
      this.onSecret?.(detector.id, candidate.secret, fingerprint);
      const mapLine = (n: number): number => extra.lines?.[n - 1] ?? n;
      findings.push({
        ruleId: detector.ruleId,
        messageId: "secretFound",
        severity: candidate.severity,
        message: `${detector.name} found: ${redact(candidate.secret)}${candidate.note === undefined ? "" : ` (${candidate.note})`}.`,
        file: path,
        line: mapLine(startLine),
        column: startColumn,
        endLine: mapLine(endLine),
        endColumn,
        hint: HINT,
        rule: SECRETS_RULE,
        docs: detector.docs,
        fingerprint,
        sensitive: true,
        ...(extra.commit === undefined ? {} : { commit: extra.commit }),
      });
    }
    return findings;
  }

  /** Whether `text` holds any content detector's keyword. */
  private hasKeyword(text: string): boolean {
    let found = false;
    this.automaton.scan(Buffer.from(text, "latin1"), () => (found = true));
    return found;
  }

  private dropped(fingerprint: string): boolean {
    if (this.allowFingerprints.has(fingerprint)) {
      this.stats.allowed += 1;
      return true;
    }
    if (this.baseline.has(fingerprint)) {
      this.stats.baselined += 1;
      return true;
    }
    return false;
  }

  /** Keyword prefilter, then each woken detector's pattern over its merged windows. */
  private candidates(bytes: Buffer, path: string): Candidate[] {
    // The keyword hits of this buffer open windows through onHit (one function for every file, its
    // state in these fields: a closure and its arrays per file cost more than the walk itself on
    // trees of many small files).
    this.hitBytes = bytes;
    this.lineFrom = 0;
    this.lineTo = -1;
    this.automaton.scan(bytes, this.onHit);
    this.hitBytes = NO_BYTES;
    const woken = this.woken;
    const nextNeeded = this.neededScratch;
    for (const index of this.neededTouched) nextNeeded[index] = -1;
    this.neededTouched.length = 0;
    if (woken.length === 0) return [];
    // Per detector, its windows as a flat list [start0, end0, start1, end1, …], reused across files;
    // only the detectors this file woke are reset.
    const windows = this.windowScratch;
    woken.sort((a, b) => a - b);
    const lists = woken.map((index) => windows[index] as number[]);
    const order = woken.slice();
    for (const index of woken) windows[index] = undefined;
    woken.length = 0;
    let text: string | undefined;
    const context = { path, index: 0, get text(): string { return (text ??= bytes.toString("latin1")); } };
    const out: Candidate[] = [];
    order.forEach((index, n) => {
      const list = lists[n] as number[];
      const detector = this.content[index] as ContentDetector;
      const seen = new Set<number>();
      for (let w = 0; w < list.length; w += 2) {
        const from = list[w] as number;
        const to = list[w + 1] as number;
        const slice = bytes.toString("latin1", from, to);
        const pattern = detector.pattern;
        pattern.lastIndex = 0;
        for (let m = pattern.exec(slice); m !== null; m = pattern.exec(slice)) {
          if (m[0].length === 0) pattern.lastIndex += 1;
          const group = m.groups?.secret !== undefined ? "secret" : m.groups?.bare !== undefined ? "bare" : undefined;
          const span = group === undefined ? m.indices?.[0] : m.indices?.groups?.[group];
          if (span === undefined) continue;
          const start = from + span[0];
          if (seen.has(start)) continue;
          seen.add(start);
          context.index = start;
          const candidate = this.judge(detector, slice.slice(span[0], span[1]), context);
          if (candidate !== undefined) out.push({ ...candidate, start, end: from + span[1] });
        }
      }
    });
    return out;
  }

  /** One keyword hit in {@link SecretScanner.hitBytes}: open (or widen) the windows of the detectors it wakes. */
  private readonly onHit = (at: number, keyword: number): void => {
    const bytes = this.hitBytes;
    const length = this.keywordLengths[keyword] as number;
    if (at > this.lineTo) {
      // Native searches, once per line with hits, so this stays linear in the input.
      this.lineFrom = at === 0 ? 0 : bytes.lastIndexOf(10, at - 1) + 1;
      const newline = bytes.indexOf(10, at);
      this.lineTo = newline < 0 ? bytes.length : newline;
    }
    const lineFrom = this.lineFrom;
    const lineTo = this.lineTo;
    const windows = this.windowScratch;
    // Per detector with `needs`: the offset of the next occurrence of its byte (-1: not looked for yet).
    const nextNeeded = this.neededScratch;
    for (const index of this.byKeyword[keyword] as readonly number[]) {
      const spec = this.windowSpecs[index];
      let start: number;
      let end: number;
      if (spec === undefined || (spec.lines === undefined && spec.multiline !== true)) {
        start = Math.max(lineFrom, at - (spec?.before ?? 128));
        end = Math.min(lineTo, at + length + (spec?.after ?? 512));
        const needed = this.needs[index] as number;
        if (needed >= 0) {
          // Hits come in order, so the next occurrence found for an earlier hit is reused
          // until it is passed: the buffer is searched for each needed byte at most once.
          let found = nextNeeded[index] as number;
          if (found < at + length) {
            if (found < 0) this.neededTouched.push(index);
            found = bytes.indexOf(needed, at + length);
            nextNeeded[index] = found = found < 0 ? bytes.length : found;
          }
          if (found >= end) continue;
        }
      } else {
        [start, end] = windowAround(bytes, at, length, spec);
      }
      const list = windows[index];
      if (list === undefined) {
        windows[index] = [start, end];
        this.woken.push(index);
        continue;
      }
      const last = list.length - 2;
      const lastStart = list[last] as number;
      const lastEnd = list[last + 1] as number;
      // Hits arrive in order of their end, so a start may be a little before the last window's;
      // windows close to each other are joined, so the patterns run over fewer, longer slices.
      if (start <= lastEnd + WINDOW_GAP && end >= lastStart && lastEnd - lastStart < MAX_WINDOW) {
        if (start < lastStart) list[last] = start;
        if (end > lastEnd) list[last + 1] = end;
      } else {
        list.push(start, end);
      }
    }
  };

  private judge(detector: ContentDetector, raw: string, context: MatchContext): Omit<Candidate, "start" | "end"> | undefined {
    const secret = detector.normalize === undefined ? raw : detector.normalize(raw);
    if (secret.length === 0) return undefined;
    if (detector.examples?.includes(secret) === true) return undefined;
    if (secret.length <= PLACEHOLDER_CHECK_MAX && isPlaceholder(secret)) return undefined;
    if (detector.minEntropy !== undefined && shannonEntropy(secret) < detector.minEntropy) return undefined;
    let severity = detector.severity;
    let note: string | undefined;
    if (detector.validate !== undefined) {
      const verdict = detector.validate(secret, context);
      if (verdict === false) return undefined;
      if (typeof verdict === "object") {
        severity = verdict.severity ?? severity;
        note = verdict.note;
      }
    }
    return { detector, secret, severity, note };
  }
}
