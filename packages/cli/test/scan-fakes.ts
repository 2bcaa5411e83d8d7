// Fake secrets for the scan tests, generated at run time so that no whole token shape is ever
// written in this repository (its own secret scan stays clean).
import { randomBytes } from "node:crypto";

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const B64 = `${ALNUM}+/`;

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

/** A GitHub classic token with a valid checksum. */
export function githubToken(): string {
  const body = rand(ALNUM, 30);
  return ["gh", "p_", body, base62(crc32(body))].join("");
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

/** An EC private key block; returns the block and its body (the part that identifies it). */
export function ecKey(): { block: string; body: string } {
  const body = [rand(B64, 64), rand(B64, 64), rand(B64, 40)].join("\n");
  const label = ["EC PRIVATE", "KEY"].join(" ");
  return { block: `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`, body };
}

/** A random password assigned in an .env-style line. */
export function password(): string {
  return `${rand(ALNUM, 18)}7a`;
}
