import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DETECTORS, SecretScanner, type ContentDetector } from "../src/index.js";

// Random and adversarial input must neither crash nor stall the scanner. "Stall" is checked per
// input against a generous bound (the scanner handles these sizes in a few milliseconds), so a
// catastrophic-backtracking pattern — seconds or hours — fails the test.

const scanner = new SecretScanner({ settings: { maxFileSize: 64 * 1024 * 1024 } });
const contentDetectors = DETECTORS.filter((d): d is ContentDetector => d.kind === "content");
const keywords = [...new Set(contentDetectors.flatMap((d) => d.keywords))];

function timed(content: Buffer | string): { ms: number; count: number } {
  const started = performance.now();
  const findings = scanner.scan({ path: "input.txt", content });
  for (const finding of findings) {
    expect(finding.line).toBeGreaterThanOrEqual(1);
    expect(finding.column).toBeGreaterThanOrEqual(1);
    expect(finding.fingerprint).toMatch(/^[0-9a-f]{20}$/);
    expect(finding.message).toContain("********");
  }
  return { ms: performance.now() - started, count: findings.length };
}

const fragment = fc.oneof(
  fc.constantFrom(...keywords, ...keywords.map((k) => k.toUpperCase())),
  fc.constantFrom("\0", "\n", "\r\n", "\t", " ", "=", ":", '"', "'", "`", "@", "://", ".", "-", "_", "/", "+", "\\n", "${", "}}"),
  fc.constantFrom("-----BEGIN RSA PRIVATE KEY-----", "-----END RSA PRIVATE KEY-----", "-----BEGIN PRIVATE KEY-----", "eyJ", "AKIA", "Private-Lines: 1\n"),
  fc.string({ unit: "grapheme-ascii", maxLength: 80 }),
  fc.stringMatching(/^[A-Za-z0-9+/]{20,90}$/),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString("latin1")),
  fc.tuple(fc.constantFrom("a", "A", "0", "=", "-", "_", " ", ":", "/", ".", "\\"), fc.integer({ min: 100, max: 20_000 })).map(([ch, n]) =>
    ch.repeat(n),
  ),
);

describe("property: the scanner never crashes or stalls", () => {
  it("on random bytes (NUL bytes, invalid UTF-8, binary)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 50_000 }), (bytes) => {
        expect(timed(Buffer.from(bytes)).ms).toBeLessThan(2000);
      }),
      { numRuns: 200 },
    );
  });

  it("on adversarial mixes of keywords, token characters, long runs and broken blocks", () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 400 }), (parts) => {
        const text = parts.join("");
        // As text (what patch scans hand over) and as bytes (what file scans hand over).
        expect(timed(text).ms).toBeLessThan(2000);
        expect(timed(Buffer.from(text, "latin1")).ms).toBeLessThan(2000);
      }),
      { numRuns: 300 },
    );
  });
});

describe("catastrophic-backtracking shapes", () => {
  const runs = ["a", "A", "0", "-", "_", "=", " ", ":", "/", ".", "\\", "a1", "A=", "a:", "@:"];
  it.each(contentDetectors.map((d) => [d.id, d] as const))("%s: each keyword followed by 100 kB of one repeated shape", (_id, detector) => {
    for (const keyword of detector.keywords) {
      for (const run of runs) {
        const text = `x ${keyword}${run.repeat(Math.floor(100_000 / run.length))}`;
        expect(timed(text).ms, `${keyword} + ${JSON.stringify(run)}`).toBeLessThan(1500);
      }
    }
  });

  it("one 8 MB line full of keyword hits", () => {
    const line = "token=".repeat(400_000) + "password: '".repeat(300_000) + "://a:b@".repeat(200_000);
    const before = scanner.stats.bytes;
    const { ms } = timed(Buffer.from(line));
    expect(scanner.stats.bytes - before).toBe(line.length); // really scanned, not skipped as too large
    expect(ms).toBeLessThan(20_000);
  });

  it("an unterminated private key block of 1 MB", () => {
    const text = `-----BEGIN RSA PRIVATE KEY-----\n${"QUJD".repeat(250_000)}`;
    expect(timed(text).ms).toBeLessThan(2000);
  });
});
