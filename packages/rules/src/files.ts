import type { Language } from "./define-rule.js";

const TS_EXT = /\.(?:ts|tsx|mts|cts)$/;
const JS_EXT = /\.(?:js|jsx|mjs|cjs)$/;

/** The language of a file by its name, or undefined when no language-specific rule applies. */
export function languageOf(file: string): Exclude<Language, "*"> | undefined {
  if (TS_EXT.test(file)) return "ts";
  if (JS_EXT.test(file)) return "js";
  if (/\.(?:md|mdx)$/i.test(file)) return "md";
  if (/\.json$/i.test(file)) return "json";
  return undefined;
}

const TEST_FILE = /(?:^|\/)(?:test|tests|__tests__|__mocks__|e2e)\/|\.(?:test|spec|bench)\.[cm]?[jt]sx?$/;

/** Whether a path is a test file (by name or folder), where test-only rules apply and some library rules do not. */
export function isTestFile(file: string): boolean {
  return TEST_FILE.test(file);
}

/** Whether `content` looks binary (a NUL byte in its first 8000 bytes, as git decides). */
export function isBinary(content: Buffer): boolean {
  return content.subarray(0, 8000).includes(0);
}
