import { defineDetector, type MatchContext } from "../define-detector.js";
import { isPlaceholder, shannonEntropy } from "../entropy.js";
import { SAMPLE_PASSWORDS } from "./shared.js";

/** The YAML document (between `---` lines) around `index`. */
function documentAround(text: string, index: number): string {
  const before = text.lastIndexOf("\n---", index);
  const after = text.indexOf("\n---", index);
  return text.slice(before < 0 ? 0 : before, after < 0 ? text.length : after);
}

/** The name of the mapping a `key: value` line at `index` belongs to (`data` or `stringData`). */
function parentKey(text: string, index: number): string | undefined {
  const lineStart = text.lastIndexOf("\n", index) + 1;
  const indent = /^ */.exec(text.slice(lineStart))?.[0].length ?? 0;
  let at = lineStart - 1;
  while (at > 0) {
    const start = text.lastIndexOf("\n", at - 1) + 1;
    const line = text.slice(start, at);
    const own = /^ */.exec(line)?.[0].length ?? 0;
    if (line.trim().length > 0 && !line.trim().startsWith("#") && own < indent) return /^\s*([A-Za-z]+):\s*$/.exec(line)?.[1];
    at = start - 1;
  }
  return undefined;
}

/** Whether a Secret's value (decoded, for `data`) holds something secret. */
function secretValue(key: string, value: string): boolean {
  if (value.length < 4 || isPlaceholder(value) || SAMPLE_PASSWORDS.has(value.toLowerCase())) return false;
  if (/^(?:true|false|yes|no|[0-9.]+)$/i.test(value)) return false;
  if (/\.dockerconfigjson|\.dockercfg/.test(key)) return /"auths?"/.test(value);
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(value)) return true;
  if (/pass|secret|token|key|cred|auth|pwd|cert|dsn|url/i.test(key)) return shannonEntropy(value) >= 2.5;
  return value.length >= 12 && shannonEntropy(value) >= 3.5;
}

function judge(secret: string, context: MatchContext): boolean {
  const doc = documentAround(context.text, context.index);
  if (!/^kind:\s*["']?Secret["']?\s*$/m.test(doc)) return false;
  const parent = parentKey(context.text, context.index);
  const lineStart = context.text.lastIndexOf("\n", context.index) + 1;
  const key = /^\s*([^:\s]+):/.exec(context.text.slice(lineStart, context.index))?.[1] ?? "";
  if (parent === "data") {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(secret)) return false;
    const decoded = Buffer.from(secret, "base64").toString("utf8");
    if (Buffer.from(decoded, "utf8").toString("base64").replace(/=+$/, "") !== secret.replace(/=+$/, "")) return false; // not text
    return secretValue(key, decoded);
  }
  if (parent === "stringData") return secretValue(key, secret.replace(/^["']|["']$/g, ""));
  return false;
}

/** Kubernetes Secret manifest value. */
export default defineDetector({
  id: "kubernetes-secret-manifest",
  name: "Kubernetes Secret value",
  description:
    "A value under `data:` (base64, decoded and judged) or `stringData:` of a Kubernetes manifest of `kind: Secret`: reported when the decoded value is a credential (a secret-named key with a real value, a private key, registry auths, or a random value); empty, sample and placeholder values, and other kinds (ConfigMap), are not.",
  source: "Secrets | Kubernetes (Kubernetes Documentation: Concepts > Configuration > Secrets)",
  severity: "error",
  keywords: ["kind: secret", "kind: \"secret\"", "kind: 'secret'"],
  pattern: /^[ \t]+[A-Za-z0-9_.-]+:[ \t]*(?<secret>["']?[A-Za-z0-9+/=_.:@!#%^&*~-]{4,}["']?)[ \t]*$/m,
  window: { lines: 80 },
  validate: (secret, context) => judge(secret.replace(/^["']|["']$/g, ""), context),
  normalize: (raw) => raw.replace(/^["']|["']$/g, ""),
});
