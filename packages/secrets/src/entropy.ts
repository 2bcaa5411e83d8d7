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
  /(?:x{4,}|\*{3,}|\.{3}|changeme|change_me|replace_?me|placeholder|example|sample|dummy|redacted|your[_-]?|my[_-]?(?:token|key|secret|pass)|insert|lorem|foobar|not[_-]?a[_-]?real|fake|test[_-]?(?:api[_-]?)?(?:token|key|secret)|secret[_-]?here|token[_-]?here|<[^>]*>|\$\{[^}]*\}|\{\{[^}]*\}\}|%\([^)]*\)s|process\.env|import\.meta\.env|os\.environ|getenv|env\(|secrets\.)/i;

const PLACEHOLDER_WORDS_ALL = new RegExp(PLACEHOLDER_WORDS.source, "gi");

/**
 * Whether `value` holds a placeholder word as a word: `your_api_key`, `MyFakeToken`, `FAKE-1`,
 * not by chance inside a random run (`…AfAKem4z…` of a 190-character token is no `fake`). A
 * word counts in one case (`fake`, `FAKE`, `Fake`) with a boundary on each side: the value's
 * end, a non-letter, or a change to a capital (`myFake`, `FakeToken`); words run together in
 * one case (`yourapikeyhere`) count anywhere. Structural markers
 * (`xxxx`, `***`, `<…>`, `${…}`) count anywhere.
 */
function placeholderWord(value: string): boolean {
  // Words run together in one case (`yourapikeyhere`, `REPLACEME`) are read as before: anywhere.
  if (/^(?:[a-z_.-]+|[A-Z_.-]+)$/.test(value)) return PLACEHOLDER_WORDS.test(value);
  for (const match of value.matchAll(PLACEHOLDER_WORDS_ALL)) {
    const word = match[0];
    const letters = word.replace(/[_-]+$/, "");
    if (!/^[A-Za-z][A-Za-z_-]*$/.test(letters) || /^x+$/i.test(letters)) return true;
    // One case, or camel-case humps of two letters or more (`ReplaceMe`; not `fAKe`).
    if (!/^(?:[a-z_-]+|[A-Z_-]+|[a-z]{2,}(?:[A-Z][a-z]+)*|(?:[A-Z][a-z]+)+)$/.test(letters)) continue;
    const at = match.index;
    const before = value.charAt(at - 1);
    const after = value.charAt(at + letters.length);
    const leftEdge = before === "" || !/[A-Za-z]/.test(before) || (/[a-z]/.test(before) && /^[A-Z]/.test(letters));
    const rightEdge = after === "" || !/[A-Za-z]/.test(after) || (/[A-Z]/.test(after) && /[a-z]$/.test(letters));
    if (leftEdge && rightEdge) return true;
  }
  return false;
}

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
  if (placeholderWord(value)) return true;
  if (isVariableReference(value)) return true;
  if (/^(.)\1*$/.test(value)) return true;
  // A slot in brackets (`[PASSWORD]`, `[YOUR-TOKEN]`), as connection-string docs write them.
  if (/^\[[A-Za-z][\w .-]*\]$/.test(value)) return true;
  // An upper-case variable name that says what goes there (`DB_PASSWORD`, `API_TOKEN`).
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value) && /PASS|SECRET|TOKEN|KEY|PWD/.test(value)) return true;
  if (/^(?:0123456789|123456|abcdef|abc123|password|secret|token)/i.test(value) && shannonEntropy(value) < 3.5) return true;
  return false;
}
