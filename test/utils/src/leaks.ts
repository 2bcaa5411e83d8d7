// Leak checks: a secret may appear redacted (its first 4 characters), never whole, and no run of 8
// of its characters past its first 8 may appear anywhere Warden writes.

/** The secret, and every 8-character run of it after its first 8 characters. */
export function fragments(secret: string): string[] {
  const tail = secret.slice(8);
  const out = [secret];
  for (let i = 0; i + 8 <= tail.length; i += 1) out.push(tail.slice(i, i + 8));
  return out;
}

/** ANSI colour codes, which could split a run in coloured output. */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

/** The fragments of `secrets` found in `text` (with and without its colour codes); empty when nothing leaked. */
export function leaksIn(text: string, secrets: readonly string[]): string[] {
  const plain = text.replace(ANSI, "");
  return secrets.flatMap((secret) => fragments(secret).filter((fragment) => text.includes(fragment) || plain.includes(fragment)));
}
