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
 * Whether `value` is a placeholder rather than a secret: `changeme`, `xxxx`, `<your-token>`,
 * `${VAR}`, `{{ secrets.X }}`, `process.env.X`, one repeated character, or a plain sequence.
 */
export function isPlaceholder(value: string): boolean {
  if (PLACEHOLDER_WORDS.test(value)) return true;
  if (/^(.)\1*$/.test(value)) return true;
  if (/^(?:0123456789|123456|abcdef|abc123|password|secret|token)/i.test(value) && shannonEntropy(value) < 3.5) return true;
  return false;
}
