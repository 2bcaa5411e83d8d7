import { readdirSync, type Dirent } from "node:fs";
import path from "node:path";

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

/**
 * Every file below `dir` (full paths), for grepping all that a command wrote; folders named in
 * `skip` (such as ".git") are not entered. A folder that vanishes meanwhile is passed over.
 */
export function filesUnder(dir: string, options: { skip?: readonly string[] } = {}): string[] {
  const out: string[] = [];
  const visit = (folder: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (options.skip?.includes(entry.name) !== true) visit(full);
      } else if (entry.isFile()) out.push(full);
    }
  };
  visit(dir);
  return out;
}
