/** Shannon entropy of `text` in bits per character (0 for empty text). */
export function shannonEntropy(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

const PLACEHOLDER_WORDS =
  /(?:x{4,}|\*{3,}|\.{3}|changeme|change_me|replace_?me|placeholder|example|sample|dummy|redacted|your[_-]?|my[_-]?(?:token|key|secret|pass)|insert|lorem|foobar|not[_-]?a[_-]?real|fake|test[_-]?(?:token|key|secret)|secret[_-]?here|token[_-]?here|<[^>]*>|\$\{[^}]*\}|\{\{[^}]*\}\}|%\([^)]*\)s|process\.env|import\.meta\.env|os\.environ|getenv|env\(|secrets\.)/i;

/**
 * Variable references and template slots of shells, CI systems, build tools and template
 * engines: `$(VAR)`, `%VAR%`, `$env:VAR`, `#{…}`, `{API_KEY}`, `@VAR@`, `__VAR__`, `ENV["X"]`.
 */
const VARIABLE_REFERENCE =
  /\$\([^)]*\)|^%[A-Za-z_][\w.]*%$|\$env:|#\{[^}]*\}|^\{[A-Za-z_][\w. -]*\}$|^@[A-Za-z_]\w*@$|^__[A-Z][A-Z0-9_]*__$|\bENV\[|\benv\.[A-Z_]|\bvars\.[A-Za-z_]|\bgetenv\b|Environment\.GetEnvironmentVariable/;

/**
 * Whether `value` is a reference to a variable rather than a value: `$VAR`, `${VAR}`,
 * `${{ secrets.X }}`, `$(VAR)`, `%VAR%`, `{{ .Values.x }}`, `#{x}`, `process.env.X` …
 * A bare `$word` counts only when it reads as a variable name (no digits, or all upper case):
 * `$ecretP4ss` is a password that starts with a dollar sign.
 */
export function isVariableReference(value: string): boolean {
  if (/\$\{[^}]*\}|\{\{[^}]*\}\}|process\.env|import\.meta\.env|os\.environ|secrets\./.test(value)) return true;
  // An interpolation cut off by the match (`${rand(ALNUM,` of a template literal): code, not a value.
  if (/^\$[{(]/.test(value)) return true;
  if (VARIABLE_REFERENCE.test(value)) return true;
  const bare = /^\$([A-Za-z_][A-Za-z0-9_]*)$/.exec(value);
  return bare !== null && (!/[0-9]/.test(bare[1] as string) || /^[A-Z0-9_]+$/.test(bare[1] as string));
}

/**
 * Whether `value` is a placeholder rather than a secret: `changeme`, `xxxx`, `<your-token>`,
 * a variable reference (see {@link isVariableReference}), one repeated character, or a plain sequence.
 */
export function isPlaceholder(value: string): boolean {
  if (PLACEHOLDER_WORDS.test(value)) return true;
  if (isVariableReference(value)) return true;
  if (/^(.)\1*$/.test(value)) return true;
  // A slot in brackets (`[PASSWORD]`, `[YOUR-TOKEN]`), as connection-string docs write them.
  if (/^\[[A-Za-z][\w .-]*\]$/.test(value)) return true;
  // An upper-case variable name that says what goes there (`DB_PASSWORD`, `API_TOKEN`).
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value) && /PASS|SECRET|TOKEN|KEY|PWD/.test(value)) return true;
  if (/^(?:0123456789|123456|abcdef|abc123|password|secret|token)/i.test(value) && shannonEntropy(value) < 3.5) return true;
  return false;
}
