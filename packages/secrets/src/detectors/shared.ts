import { validTokenChecksum } from "../checksum.js";
import type { MatchContext, Verdict } from "../define-detector.js";

/**
 * Verdict for a token whose body carries a CRC-32 checksum (GitHub, npm): a valid checksum is
 * an error; an invalid one is reported as a warning, since it is most likely a made-up value.
 */
export function checksumVerdict(body: string): Verdict {
  if (validTokenChecksum(body)) return { note: "checksum valid" };
  // A wrong checksum on a body of spelled-out words and zero runs (`…AccessToken0000000000`, the
  // shape READMEs use) is a placeholder, not a token.
  if (looksMadeUp(body)) return false;
  return { severity: "warn", note: "checksum does not match: probably a made-up value" };
}

/** Whether the text within `radius` characters of `index` matches `context`. */
export function near(text: string, index: number, radius: number, context: RegExp): boolean {
  return context.test(text.slice(Math.max(0, index - radius), Math.min(text.length, index + radius)));
}

/** Base64url-decode `part` to text, or undefined when it is not valid base64url. */
export function decodeBase64Url(part: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(part)) return undefined;
  return Buffer.from(part, "base64url").toString("utf8");
}

/** Passwords that only ever appear in samples and local development setups. */
export const SAMPLE_PASSWORDS = new Set([
  "pass",
  "password",
  "passwd",
  "secret",
  "root",
  "admin",
  "test",
  "guest",
  "user",
  "postgres",
  "mysql",
  "redis",
  "rabbitmq",
  "mongo",
  "example",
  "changeme",
  "dev",
  "local",
]);

/** Words people build memorable passwords from (`P@ssw0rd`, `Welcome1!`, `Summer2024`, `admin123`). */
const PASSWORD_WORDS =
  /^(?:pass|password|passwd|passw|secret|admin|administrator|root|test|testing|user|guest|login|welcome|qwerty|asdf|letmein|changeme|change|me|default|demo|temp|temporary|master|dragon|monkey|hello|abc|super|my|our|the|new|summer|winter|spring|autumn|fall|iloveyou|trustno|hunter|foo|bar|baz|dev|local|example|sample|db|database|postgres|mysql|redis|mongo|sa|sys|system|oracle|p|w|d|s|secure|strong|word|key|token|api|app|service)+$/;
const LEET: Record<string, string> = { "@": "a", "4": "a", "3": "e", "1": "i", "!": "i", "0": "o", $: "s", "5": "s", "7": "t", "+": "t" };

/**
 * Whether a password is a memorable one made of dictionary words with digits, symbols or
 * letter-for-digit swaps (`P@ssw0rd`, `Admin123!`, `Welcome2024`, `changeme1`): what samples,
 * tutorials and local setups use, never what a password generator produces.
 */
export function commonPassword(value: string): boolean {
  const lower = value.toLowerCase();
  const letters = lower.replace(/[^a-z]/g, "");
  const unleet = [...lower].map((c) => LEET[c] ?? c).join("").replace(/[^a-z]/g, "");
  return (letters.length >= 4 && PASSWORD_WORDS.test(letters)) || (unleet.length >= 4 && PASSWORD_WORDS.test(unleet));
}

/** The base64 body of a PEM or PuTTY key block, without whitespace, quotes, `\n` escapes or headers. */
export function pemBody(block: string): string {
  return block
    .replace(/\\[nr]/g, "\n")
    .split(/\r?\n/)
    .filter((line) => !line.includes(":"))
    .join("")
    .replace(/[^A-Za-z0-9+/=]/g, "");
}

/** A key body is real when it is long enough and varied enough to hold key material. */
export function validPemBody(body: string): boolean {
  if (body.length < 64) return false;
  const distinct = new Set(body).size;
  return distinct >= 20;
}

/**
 * Whether the password of a `scheme://user:password@host` match is worth reporting: not a sample
 * password, not the user name again, and not on a documentation host (RFC 2606 / RFC 6761).
 */
export function plausibleUrlPassword(password: string, context: MatchContext): boolean {
  const before = context.text.slice(Math.max(0, context.index - 80), context.index);
  const after = context.text.slice(context.index + password.length, context.index + password.length + 260);
  const user = /([^\s:@/"'<>]*):$/.exec(before)?.[1] ?? "";
  const host = /^@([A-Za-z0-9._-]+)/.exec(after)?.[1]?.toLowerCase() ?? "";
  if (/(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid)$/.test(host)) return false;
  return !SAMPLE_PASSWORDS.has(password.toLowerCase()) && !commonPassword(password) && password !== user;
}

/** Length of the longest run of consecutive ascending characters (`3456`, `cdefg`) in `value`. */
function longestSequence(value: string): number {
  let longest = 1;
  let run = 1;
  for (let i = 1; i < value.length; i += 1) {
    run = value.charCodeAt(i) === value.charCodeAt(i - 1) + 1 ? run + 1 : 1;
    if (run > longest) longest = run;
  }
  return longest;
}

/**
 * Whether a value is a made-up stand-in rather than a generated secret: a repeated unit
 * (`test1234test1234`), six or more consecutive characters (`1234567890abcdef`), eight or more
 * of one character in a row, a to-do marker (`TODO_SET_ME`), or an upper-case slot name
 * (`SET_THIS_IN_PROD`). A generated key of 16+ random characters has none of these by chance.
 */
export function looksMadeUp(value: string): boolean {
  if (/^(.{1,8}?)\1+$/.test(value)) return true;
  if (longestSequence(value) >= 6) return true;
  if (/(.)\1{7}/.test(value)) return true;
  if (/^(?:todo|fixme|tbd|none|null|undefined|unset|n\/a)(?:[^a-z]|$)/i.test(value)) return true;
  if (/^[A-Z]+(?:_[A-Z]+)+$/.test(value)) return true;
  return false;
}

/** Whether a value is code (a property access, an index or a call), not a literal. */
export function looksLikeCode(value: string): boolean {
  return /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[\s*["'][^"']*["']\s*\]|\([^)]*\))+$/.test(value);
}
