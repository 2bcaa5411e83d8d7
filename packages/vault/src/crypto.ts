import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

/** Keys are 32 bytes (AES-256). */
export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A fresh random key. */
export function newKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/**
 * AES-256-GCM with a random 96-bit nonce; `aad` binds the ciphertext to where it belongs (the
 * environment and name of a value), so a line moved to another name does not open. Output:
 * base64url of nonce ‖ ciphertext ‖ tag.
 */
export function seal(key: Buffer, plaintext: Buffer, aad: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url");
}

/** Open what {@link seal} made; undefined when the key is wrong or the text was changed. */
export function open(key: Buffer, sealed: string, aad: string): Buffer | undefined {
  const raw = Buffer.from(sealed, "base64url");
  if (raw.length < IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(aad, "utf8"));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
  } catch {
    return undefined;
  }
}

/** HMAC-SHA256 in hex. */
export function mac(key: Buffer, text: string): string {
  return createHmac("sha256", key).update(text, "utf8").digest("hex");
}

/** Parse a master key given as 64 hex characters or base64 of 32 bytes; undefined otherwise. */
export function parseMasterKey(text: string): Buffer | undefined {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, "hex");
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
    const bytes = Buffer.from(value.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    return bytes.length === KEY_BYTES ? bytes : undefined;
  }
  return undefined;
}
