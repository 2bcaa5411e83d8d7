// Fake secrets for tests, built at run time from a seeded generator, so that no whole token shape
// is ever written in this repository (its own secret scan stays clean) and each run builds the
// same values. Checksums are computed here independently of the scanner's own code.

/** Deterministic pseudo-random generator (mulberry32): the same seed gives the same sequence. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
export const UPPER_NUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
export const HEX = "0123456789abcdef";
export const B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
export const B64 = `${ALNUM}+/`;
export const URLSAFE = `${ALNUM}_-`;

const random = prng(20261122);

/** `n` characters from `chars`, from the seeded generator. */
export function rand(chars: string, n: number): string {
  let out = "";
  for (let i = 0; i < n; i += 1) out += chars[Math.floor(random() * chars.length)];
  return out;
}

/** CRC-32 (IEEE) of a string's char codes, as the GitHub and npm token checksums use. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i += 1) {
    crc ^= text.charCodeAt(i);
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** `value` in base 62 (digits, upper, lower case), left-padded with zeros to `width`. */
export function base62(value: number, width = 6): string {
  const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  let out = "";
  for (let rest = value; rest > 0; rest = Math.floor(rest / 62)) out = digits[rest % 62] + out;
  return out.padStart(width, "0");
}

/** A GitHub/npm-style token: `prefix`, 30 base62 characters and their CRC-32 checksum (a wrong one when `valid` is false). */
export function checksummed(prefix: string, valid = true): string {
  const body = rand(ALNUM, 30);
  const check = base62(crc32(body), 6);
  const reversed = check.split("").reverse().join("");
  return `${prefix}${body}${valid ? check : reversed === check ? "zzzzzz" : reversed}`;
}

/** A PEM block with a body of `lines` × 64 base64 characters. */
export function pem(label: string, lines = 12): string {
  const body = Array.from({ length: lines }, () => rand(B64, 64)).join("\n");
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

/** A signed-looking JWT with the given header algorithm. */
export function jwt(alg = "HS256"): string {
  const enc = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${enc({ alg, typ: "JWT" })}.${enc({ sub: rand(HEX, 12), iat: 1700000000 })}.${rand(URLSAFE, 43)}`;
}

/** A GitHub classic token with a valid checksum. */
export function githubToken(): string {
  return checksummed(["gh", "p_"].join(""));
}

/** An AWS access key id. */
export function awsKeyId(): string {
  return ["AK", "IA", rand(B32, 16)].join("");
}

/** A Stripe live secret key. */
export function stripeKey(): string {
  return ["sk", "_live_", rand(ALNUM, 32)].join("");
}

/** A Slack bot token. */
export function slackToken(): string {
  return ["xo", "xb-", rand("0123456789", 12), "-", rand("0123456789", 12), "-", rand(ALNUM, 24)].join("");
}

/** An EC private key block and its body (the part that identifies it). */
export function ecKey(): { block: string; body: string } {
  const body = [rand(B64, 64), rand(B64, 64), rand(B64, 40)].join("\n");
  const label = ["EC PRIVATE", "KEY"].join(" ");
  return { block: `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`, body };
}

/** A password for an .env-style line. */
export function password(): string {
  return `${rand(ALNUM, 18)}7a`;
}
