import { base62, crc32 } from "../src/checksum.js";

/** Deterministic pseudo-random generator (mulberry32), so fake secrets differ per test but not per run. */
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
export const B64 = `${ALNUM}+/`;
export const URLSAFE = `${ALNUM}_-`;

const random = prng(20261122);

/** `n` random characters from `chars`. Fake secrets are built at run time, never written whole in source. */
export function rand(chars: string, n: number): string {
  let out = "";
  for (let i = 0; i < n; i += 1) out += chars[Math.floor(random() * chars.length)];
  return out;
}

/** A GitHub/npm-style token body: 30 random base62 characters and their CRC-32 checksum. */
export function checksummed(prefix: string, valid = true): string {
  const body = rand(ALNUM, 30);
  const check = base62(crc32(body), 6);
  return `${prefix}${body}${valid ? check : check.split("").reverse().join("") === check ? "zzzzzz" : check.split("").reverse().join("")}`;
}

/** A PEM block with a random body of `lines` × 64 base64 characters. */
export function pem(label: string, lines = 12): string {
  const body = Array.from({ length: lines }, () => rand(B64, 64)).join("\n");
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

/** A signed-looking JWT with the given header algorithm. */
export function jwt(alg = "HS256"): string {
  const enc = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${enc({ alg, typ: "JWT" })}.${enc({ sub: rand(HEX, 12), iat: 1700000000 })}.${rand(URLSAFE, 43)}`;
}
