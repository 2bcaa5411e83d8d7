// Fake secrets of many vendors' documented formats, generated at run time so that no whole token
// shape is ever written in this repository (its own secret scan stays clean). Formats come from
// the vendors' documentation, as the detectors do; values are random.
import { randomBytes } from "node:crypto";

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const URLSAFE = `${ALNUM}_-`;
const B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const B64 = `${ALNUM}+/`;
const DIGITS = "0123456789";

/** `n` random characters from `chars`. */
export function rand(chars: string, n: number): string {
  const bytes = randomBytes(n);
  let out = "";
  for (let i = 0; i < n; i += 1) out += chars[(bytes[i] as number) % chars.length];
  return out;
}

function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i += 1) {
    crc ^= text.charCodeAt(i);
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function base62(value: number): string {
  const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  let out = "";
  for (let rest = value; rest > 0; rest = Math.floor(rest / 62)) out = digits[rest % 62] + out;
  return out.padStart(6, "0");
}

/** A prefix + 30 random base62 characters + their CRC-32 in base62 (GitHub's and npm's token format). */
function checksummed(...prefix: string[]): string {
  const body = rand(ALNUM, 30);
  return [...prefix, body, base62(crc32(body))].join("");
}

/** One generated token of each format, and a private key block. */
export interface LeakTokens {
  readonly githubClassic: () => string;
  readonly githubFineGrained: () => string;
  readonly awsKeyId: () => string;
  readonly awsSecret: () => string;
  readonly slackBot: () => string;
  readonly stripeLive: () => string;
  readonly openai: () => string;
  readonly anthropic: () => string;
  readonly gitlab: () => string;
  readonly npm: () => string;
  readonly googleApi: () => string;
  readonly sendgrid: () => string;
  /** An RSA private key block; its body lines are what must never appear. */
  readonly rsaKey: () => { block: string; lines: string[] };
}

export const TOKENS: LeakTokens = {
  githubClassic: () => checksummed("gh", "p_"),
  githubFineGrained: () => ["github", "_pat_", rand(ALNUM, 22), "_", rand(ALNUM, 59)].join(""),
  awsKeyId: () => ["AK", "IA", rand(B32, 16)].join(""),
  awsSecret: () => `${rand(B64, 36)}aB3z`,
  slackBot: () => ["xo", "xb-", rand(DIGITS, 12), "-", rand(DIGITS, 13), "-", rand(ALNUM, 24)].join(""),
  stripeLive: () => ["sk", "_live_", rand(ALNUM, 32)].join(""),
  openai: () => ["sk-", "proj-", rand(URLSAFE, 120)].join(""),
  anthropic: () => ["sk-", "ant-", "api03-", rand(URLSAFE, 93), "AA"].join(""),
  gitlab: () => ["gl", "pat-", rand(URLSAFE, 20)].join(""),
  npm: () => checksummed("np", "m_"),
  googleApi: () => ["AI", "za", rand(URLSAFE, 35)].join(""),
  sendgrid: () => ["S", "G.", rand(URLSAFE, 22), ".", rand(URLSAFE, 43)].join(""),
  rsaKey: () => {
    const lines = Array.from({ length: 12 }, () => rand(B64, 64));
    const label = ["RSA PRIVATE", "KEY"].join(" ");
    return { block: `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----`, lines };
  },
};
