/**
 * Warden's own secret store, `.warden-vault` (packages/vault, docs/secrets/vault.md): one line per
 * sealed item — `vault 1 <id>`, `audit <sealed>`, `key <env> <sealed>`, `value <env> <NAME>
 * <sealed>` — where each sealed field is base64url of nonce ‖ AES-256-GCM ciphertext ‖ tag.
 * Ciphertext is random by construction and holds nothing a scan should report; anything else in
 * the file (a value pasted by hand, a merge gone wrong) is scanned like any other text.
 */

/** The store's file name. */
export const VAULT_FILE_NAME = ".warden-vault";

// Nonce (12) + tag (16) bytes at least: 28 bytes are 38 base64url characters.
const SEALED = "[A-Za-z0-9_-]{38,}";
const ENV = "[a-z0-9][a-z0-9_-]*";
const NAME = "[A-Za-z_][A-Za-z0-9_]*";
const SEALED_LINE = new RegExp(`^(\\s*(?:audit|key ${ENV}|value ${ENV} ${NAME}) )(${SEALED})(\\s*)$`);
const HEADER_LINE = /^\s*vault 1 [0-9a-f]{16}\s*$/m;

const IN_FOLDER = `/${VAULT_FILE_NAME}`;

/** Whether `path` (repository-relative) names a vault store. */
export function isVaultPath(path: string): boolean {
  return path === VAULT_FILE_NAME || path.endsWith(IN_FOLDER);
}

/**
 * The store's bytes with every well-formed sealed field blanked (spaces, so offsets, lines and
 * columns stay), or undefined when the text is not a vault store (no `vault 1 <id>` line). A
 * field for which `suspect` says yes (the scanner: it holds a detector keyword, as a token pasted
 * in place of the ciphertext would) is left to be scanned: the detectors then judge it.
 */
export function blankVaultCiphertext(bytes: Buffer, suspect: (field: string) => boolean = () => false): { readonly bytes: Buffer; readonly sealed: number } | undefined {
  const text = bytes.toString("latin1");
  if (!HEADER_LINE.test(text)) return undefined;
  let sealed = 0;
  const lines = text.split("\n").map((line) => {
    const m = SEALED_LINE.exec(line);
    if (m === null || suspect(m[2] as string)) return line;
    sealed += 1;
    return `${m[1] as string}${" ".repeat((m[2] as string).length)}${m[3] as string}`;
  });
  return { bytes: Buffer.from(lines.join("\n"), "latin1"), sealed };
}
