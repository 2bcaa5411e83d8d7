import type { Redactor, SecretSpan } from "@warden/core";
import type { Detector } from "./define-detector.js";
import { DETECTORS } from "./registry.js";
import { SecretScanner } from "./scanner.js";

/** The inline marker that silences a finding in a scan; output redaction ignores it (a same-length stand-in). */
const IGNORE_MARKER = /warden-ignore-secret/g;
const IGNORE_STANDIN = "warden-ignore-xxxxxx";

/**
 * The redactor of Warden's output boundary (see `redactText` in @warden/core): every content
 * detector, whatever the config disables or allows, over the text to be printed or written.
 * Inline `warden-ignore-secret` markers, allowlists and baselines decide what a scan reports,
 * not what may be printed: a suppressed secret is masked too.
 */
export function createOutputRedactor(detectors: readonly Detector[] = DETECTORS): Redactor {
  let scanner: SecretScanner | undefined;
  return {
    find(text: string): readonly SecretSpan[] {
      if (text.length === 0) return [];
      scanner ??= new SecretScanner({ detectors: detectors.filter((d) => d.kind === "content"), settings: { maxFileSize: Number.MAX_SAFE_INTEGER } });
      // The scanner reads one byte per UTF-16 unit: characters above U+00FF become "?" so none
      // turns into a newline or a keyword byte, and offsets stay those of `text`.
      // eslint-disable-next-line no-control-regex
      const plain = text.replace(/[^\u0000-\u00ff]/g, "?").replace(IGNORE_MARKER, IGNORE_STANDIN);
      const findings = scanner.scanText("(output)", plain);
      if (findings.length === 0) return [];
      const lineStarts = [0];
      for (let at = plain.indexOf("\n"); at >= 0; at = plain.indexOf("\n", at + 1)) lineStarts.push(at + 1);
      const offset = (line: number, column: number): number => (lineStarts[line - 1] ?? plain.length) + column - 1;
      return findings.map((f): SecretSpan => [offset(f.line, f.column), offset(f.endLine ?? f.line, f.endColumn ?? f.column + 1)]);
    },
  };
}
