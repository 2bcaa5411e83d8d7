import type { Severity } from "@warden/core";
import { shannonEntropy } from "./entropy.js";
import { defineDetector, type ContentDetector, type MatchContext, type Verdict } from "./define-detector.js";

/**
 * A vendor's documented token format as data: literal parts, alternatives and runs of an
 * alphabet. One description gives the detector its pattern, keywords and catalogue text, and the
 * tests their generated true samples and near misses — so what is documented, matched and
 * tested cannot drift apart.
 */

/** Alphabets of token bodies, as regex class contents. */
export const ALPHABETS = {
  hex: "0-9a-f",
  HEX: "0-9A-F",
  anyhex: "0-9a-fA-F",
  digits: "0-9",
  alnum: "A-Za-z0-9",
  upalnum: "A-Z0-9",
  lowalnum: "a-z0-9",
  letters: "A-Za-z",
  upper: "A-Z",
  lower: "a-z",
  urlsafe: "A-Za-z0-9_-",
  /** RFC 3986 unreserved characters. */
  unreserved: "A-Za-z0-9_.~-",
  b64: "A-Za-z0-9+/",
  b64url: "A-Za-z0-9+/_-",
  base32: "A-Z2-7",
  lowbase32: "a-z2-7",
  bech32: "qpzry9x8gf2tvdw0s3jn54khce6mua7l",
  BECH32: "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L",
} as const;

export type Alphabet = keyof typeof ALPHABETS;

/** A run of `min`..`max` characters of an alphabet. */
export interface Run {
  readonly run: Alphabet;
  readonly min: number;
  readonly max?: number;
}

/** One of several part sequences. */
export interface Alt {
  readonly alt: readonly (readonly Part[])[];
}

/** A literal, a choice of literals, a run, or a choice of sequences. */
export type Part = string | readonly string[] | Run | Alt;

/** `n` (or `min`..`max`) characters of `alphabet`. */
export function run(alphabet: Alphabet, min: number, max?: number): Run {
  return max === undefined ? { run: alphabet, min } : { run: alphabet, min, max };
}

/** One of several part sequences. */
export function alt(...sequences: (readonly Part[])[]): Alt {
  return { alt: sequences };
}

/** A UUID (8-4-4-4-12 hex digits, lower case). */
export const UUID: readonly Part[] = [run("hex", 8), "-", run("hex", 4), "-", run("hex", 4), "-", run("hex", 4), "-", run("hex", 12)];

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** Every character of a class such as `A-Za-z0-9_-`. */
export function expandClass(alphabet: Alphabet): string {
  const source = ALPHABETS[alphabet];
  let out = "";
  for (let i = 0; i < source.length; i += 1) {
    const from = source[i] as string;
    if (source[i + 1] === "-" && i + 2 < source.length) {
      const to = source[i + 2] as string;
      for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c += 1) out += String.fromCharCode(c);
      i += 2;
    } else {
      out += from;
    }
  }
  return out;
}

function classOf(alphabet: Alphabet): string {
  const source = ALPHABETS[alphabet];
  return `[${source.endsWith("-") ? `${source.slice(0, -1)}\\-` : source}]`;
}

/** The regex source of a part sequence. */
export function partsSource(parts: readonly Part[]): string {
  return parts
    .map((part) => {
      if (typeof part === "string") return escape(part);
      if (Array.isArray(part)) return `(?:${(part as readonly string[]).map(escape).join("|")})`;
      if ("run" in part) {
        const r = part as Run;
        return `${classOf(r.run)}{${r.min}${r.max === undefined ? "" : r.max === Infinity ? "," : `,${r.max}`}}`;
      }
      return `(?:${(part as Alt).alt.map(partsSource).join("|")})`;
    })
    .join("");
}

/** Every literal a token of this format starts with (its keywords), lower-cased. */
export function leadingLiterals(parts: readonly Part[]): string[] {
  let heads = [""];
  for (const part of parts) {
    if (typeof part === "string") heads = heads.map((h) => h + part);
    else if (Array.isArray(part)) heads = heads.flatMap((h) => (part as readonly string[]).map((p) => h + p));
    else if ("alt" in part) {
      const firsts = (part as Alt).alt.flatMap((seq) => leadingLiterals(seq));
      if (firsts.some((f) => f.length === 0)) break;
      heads = heads.flatMap((h) => firsts.map((f) => h + f));
      break;
    } else break;
  }
  return [...new Set(heads.map((h) => h.toLowerCase()))];
}

/** Every literal of a format (fixed text between its runs). */
function allLiterals(parts: readonly Part[]): string[] {
  return parts.flatMap((part): string[] => {
    if (typeof part === "string") return part.length > 0 ? [part] : [];
    if (Array.isArray(part)) return [...(part as readonly string[])];
    if ("run" in part) return [];
    return (part as Alt).alt.flatMap(allLiterals);
  });
}

/** The longest token of this format (runs without a maximum count as 4000 characters). */
export function maxLength(parts: readonly Part[]): number {
  let total = 0;
  for (const part of parts) {
    if (typeof part === "string") total += part.length;
    else if (Array.isArray(part)) total += Math.max(...(part as readonly string[]).map((p) => p.length));
    else if ("run" in part) {
      const r = part as Run;
      total += r.max === undefined ? r.min : r.max === Infinity ? 4000 : r.max;
    } else total += Math.max(0, ...(part as Alt).alt.map(maxLength));
  }
  return total;
}

/** A random token of this format; `random` returns numbers in [0, 1). */
export function generate(parts: readonly Part[], random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  return parts
    .map((part) => {
      if (typeof part === "string") return part;
      if (Array.isArray(part)) return pick(part as readonly string[]);
      if ("run" in part) {
        const r = part as Run;
        const chars = expandClass(r.run);
        const max = r.max === undefined ? r.min : r.max === Infinity ? r.min + 40 : r.max;
        const n = r.min + Math.floor(random() * (max - r.min + 1));
        let out = "";
        for (let i = 0; i < n; i += 1) out += pick([...chars]);
        return out;
      }
      return generate(pick((part as Alt).alt), random);
    })
    .join("");
}

/** A prose rendering of the format for the catalogue: "`pplx-` + 48 alphanumerics". */
export function describeParts(parts: readonly Part[]): string {
  const words: Record<Alphabet, string> = {
    hex: "lower-case hex digits",
    HEX: "upper-case hex digits",
    anyhex: "hex digits",
    digits: "digits",
    alnum: "letters and digits",
    upalnum: "upper-case letters and digits",
    lowalnum: "lower-case letters and digits",
    letters: "letters",
    upper: "upper-case letters",
    lower: "lower-case letters",
    urlsafe: "URL-safe base64 characters",
    unreserved: "letters, digits and `_.~-`",
    b64: "base64 characters",
    b64url: "base64 or base64url characters",
    base32: "base32 characters",
    lowbase32: "lower-case base32 characters",
    bech32: "bech32 characters",
    BECH32: "upper-case bech32 characters",
  };
  return parts
    .map((part) => {
      if (typeof part === "string") return `\`${part}\``;
      if (Array.isArray(part)) return (part as readonly string[]).map((p) => `\`${p}\``).join(" or ");
      if ("run" in part) {
        const r = part as Run;
        const count = r.max === undefined ? `${r.min}` : r.max === Infinity ? `${r.min} or more` : `${r.min}–${r.max}`;
        return `${count} ${words[r.run]}`;
      }
      return `(${(part as Alt).alt.map(describeParts).join(" | ")})`;
    })
    .join(" + ");
}

/** A format as the tests see it: how to build true samples and what stands around them. */
export interface SampleFormat {
  /** The token's parts (the value, for an assigned detector). */
  readonly parts: readonly Part[];
  /** For an assigned detector: the variable names a sample is assigned to. */
  readonly names?: readonly string[];
  /** A custom builder of true samples (formats with checksums or encoded payloads). */
  readonly build?: (random: () => number) => string;
}

/** Common fields of the two helpers. */
interface FormatSpec {
  readonly id: string;
  readonly name: string;
  /** Title of the vendor's documentation page that defines the format. */
  readonly source: string;
  readonly severity?: Severity;
  readonly minEntropy?: number;
  readonly examples?: readonly string[];
  readonly validate?: (secret: string, context: MatchContext) => Verdict;
  /** Extra sentence for the catalogue. */
  readonly note?: string;
  readonly build?: (random: () => number) => string;
}

/** A detector with its sample format attached, for the generated tests. */
export type FormatDetector = ContentDetector & { readonly format: SampleFormat };

/**
 * A token with a distinctive vendor prefix (`pplx-`, `glsa_`, `sntryu_` …): found anywhere, with
 * no context needed. Keywords are its leading literals unless given.
 */
export function prefixedToken(spec: FormatSpec & { readonly parts: readonly Part[]; readonly keywords?: readonly string[]; readonly window?: { readonly before?: number; readonly after?: number; readonly needs?: string } }): FormatDetector {
  const source = partsSource(spec.parts);
  // A leading literal's first 10 characters are keyword enough: longer keywords only grow the
  // automaton (and its cache footprint), not its precision.
  const keywords = spec.keywords ?? [...new Set(leadingLiterals(spec.parts).map((literal) => literal.slice(0, 10)))];
  if (keywords.length === 0 || keywords.some((k) => k.length < 2)) throw new Error(`detector ${spec.id}: give keywords (its format has no leading literal)`);
  // The window covers one token: from the keyword (or, when the keyword is not the token's start,
  // from a token's length before it) to a token's length after it.
  const longest = Math.min(maxLength(spec.parts), 8000);
  const leading = leadingLiterals(spec.parts);
  const literals = allLiterals(spec.parts).sort((a, b) => b.length - a.length);
  const startsWithKeyword = keywords.every((k) => leading.some((l) => l.startsWith(k)));
  const window = { before: startsWithKeyword ? 8 : longest + 8, after: longest + 8, ...spec.window };
  const detector = defineDetector({
    id: spec.id,
    name: spec.name,
    description: `${spec.name}: ${describeParts(spec.parts)}.${spec.note === undefined ? "" : ` ${spec.note}`}`,
    source: spec.source,
    severity: spec.severity ?? "error",
    keywords,
    pattern: new RegExp(`(?<![A-Za-z0-9_])${source}(?![A-Za-z0-9_])`),
    minEntropy: spec.minEntropy ?? 3,
    window,
    ...(spec.examples === undefined ? {} : { examples: spec.examples }),
    validate: (secret, context) => {
      // What the runs hold must vary: `prefix-00000000:00000000` is a placeholder.
      let body = secret;
      for (const literal of literals) body = body.split(literal).join("");
      if (shannonEntropy(body) < 2.5) return false;
      return spec.validate === undefined ? true : spec.validate(secret, context);
    },
  });
  return { ...detector, format: { parts: spec.parts, ...(spec.build === undefined ? {} : { build: spec.build }) } };
}

/** Case-insensitive regex source for a lower-case name, `_` standing for any separator or none. */
function nameSource(name: string): string {
  return [...name]
    .map((c) => (c === "_" ? "[_.-]?" : /[a-z]/.test(c) ? `[${c}${c.toUpperCase()}]` : escape(c)))
    .join("");
}

/**
 * A declaration with a type between the name and `=`: `const API_KEY: &str =` (Rust),
 * `val token: String =` (Kotlin, Scala, Swift), `let key: string =` (TypeScript),
 * `var apiKey string =` (Go), `private readonly token?: string =`.
 */
export const TYPED_ASSIGNMENT = String.raw`\??[ \t]*:[ \t]*&?(?:'static[ \t]+)?[A-Za-z_][\w.]*(?:<[\w<>, ]{1,40}>)?\??[ \t]*=(?![=>])|[ \t]+string[ \t]*=(?!=)`;
/**
 * An XML element holding the value (`<password>…</password>` in Maven's settings.xml, a Spring
 * or .NET config) and a Dockerfile instruction with a space for `=` (`ENV API_KEY value`).
 */
export const ELEMENT_OR_INSTRUCTION = String.raw`>(?=[^<>\r\n]{1,4000}<\/)|(?<=\b(?:ENV|ARG)[ \t]+[\w.-]+)[ \t]+`;

/**
 * How real code assigns a value to a name, as regex source (between the name and the value's
 * opening quote): `=`, `:=`, `=>`, `:` with the name quoted or not (`.env`, shell, YAML, JSON,
 * TS/Python/Go, TOML), an XML attribute pair (`<add key="apiToken" value="…"/>`, app.config,
 * nuget.config), and a name/value pair (`- name: SNYK_TOKEN` then `value: …` in a Kubernetes env
 * list; `{"name": "API_KEY", "value": …}` in ECS task definitions and CI variables), and a
 * quoted name and value as two arguments (`define('API_KEY', '…')` in PHP).
 */
export const ASSIGNMENT = String.raw`(?:${TYPED_ASSIGNMENT}|\\?["'\`]?\s*(?:=|:=|=>|:)|["']\s+value\s*=|["']\s*,(?=\s*["'])|["']?[ \t]*(?:,[ \t]*)?(?:\r?\n[ \t]*(?:-[ \t]*)?)?["']?value["']?[ \t]*:|${ELEMENT_OR_INSTRUCTION})`;
// Read from the text before a value, which ends at the value: an XML element is known by its `<`.
const ASSIGNED_NAME = new RegExp(String.raw`([A-Za-z0-9_.-]+)(?:${ASSIGNMENT}|(?<=<[A-Za-z][\w.:-]*)>)\s*\\?["'\`]?$`);

/** The name a value is assigned to, read from the text just before the value (see {@link ASSIGNMENT}). */
export function assignedName(before: string): string {
  return ASSIGNED_NAME.exec(before)?.[1] ?? "";
}

/** Words that end a variable name which names something other than the secret. */
const NOT_SECRET_NAME = /(?:^|[_.-])(?:id|ids|url|uri|host|hostname|region|name|user|username|email|endpoint|site|domain|version|env|path|file|org|project|account|app)$|[a-z](?:Id|Url|Host|Name|Region)$/i;

/**
 * A secret whose shape is generic (32 hex digits, a UUID) and which is the vendor's only when it
 * is assigned to a name carrying the vendor's name (`DATADOG_API_KEY=…`, `"snyk_token": …`).
 */
export function assignedSecret(
  spec: FormatSpec & {
    /** Vendor words (lower case, `_` = optional separator) one of which the variable name contains. */
    readonly names: readonly string[];
    /** Secret words the name must also contain (default: key, token, secret, pass, auth, cred). */
    readonly secretWords?: readonly string[];
    readonly value: readonly Part[];
  },
): FormatDetector {
  const vendors = spec.names.map(nameSource).join("|");
  const words = (spec.secretWords ?? ["key", "token", "secret", "pass", "auth", "cred", "pat"]).map(nameSource).join("|");
  const value = partsSource(spec.value);
  // The window starts just before the vendor's name (the keyword), so the pattern tries few
  // positions of the line; what precedes the name is read by the validator.
  const pattern = new RegExp(`(?<name>(?:${vendors})[A-Za-z0-9_.-]{0,24}?)${ASSIGNMENT}\\s*["'\`]?(?<secret>${value})(?![A-Za-z0-9_+/-])`);
  const secretWord = new RegExp(words);
  const detector = defineDetector({
    id: spec.id,
    name: spec.name,
    description: `${spec.name}: ${describeParts(spec.value)}, assigned to a name that holds ${spec.names.map((n) => `\`${n}\``).join(" or ")}.${spec.note === undefined ? "" : ` ${spec.note}`}`,
    source: spec.source,
    severity: spec.severity ?? "error",
    // Each name as variables spell it: `aws_session` as AWS_SESSION_… or awsSession….
    keywords: [...new Set(spec.names.flatMap((n) => ["_", ""].map((separator) => n.split("_").join(separator))))],
    pattern,
    // Not clipped to the name's line: the value of a `name:`/`value:` pair stands on the next one.
    // (40 characters before it: enough for a Dockerfile's `ENV ` or an XML element's `<` before the
    // variable's name, which the assignment forms look behind for.)
    window: { before: 40, after: 96 + Math.min(maxLength(spec.value), 4000), multiline: true },
    minEntropy: spec.minEntropy ?? 3,
    ...(spec.examples === undefined ? {} : { examples: spec.examples }),
    validate: (secret, context) => {
      const before = context.text.slice(Math.max(0, context.index - 80), context.index);
      const name = assignedName(before);
      if (!secretWord.test(name) || NOT_SECRET_NAME.test(name)) return false;
      return spec.validate === undefined ? true : spec.validate(secret, context);
    },
  });
  const names = spec.names.map((n) => `${n.toUpperCase()}_${(spec.secretWords?.[0] ?? "api_key").replace(/[^a-z_]/gi, "").toUpperCase()}`);
  return { ...detector, format: { parts: spec.value, names, ...(spec.build === undefined ? {} : { build: spec.build }) } };
}
