import { defineDetector, type MatchContext } from "../define-detector.js";
import { shannonEntropy } from "../entropy.js";
import { DETECTORS } from "../registry.js";
import { assignedName, leadingLiterals, type FormatDetector } from "../token-format.js";
import { looksLikeCode, looksMadeUp } from "./shared.js";
import awsAccessKeyId from "./aws-access-key-id.js";
import awsSecretAccessKey from "./aws-secret-access-key.js";
import azureCosmosDbKey from "./azure-cosmos-db-key.js";
import azureStorageAccountKey from "./azure-storage-account-key.js";
import confluentCloudApiSecretCflt from "./confluent-cloud-api-secret-cflt.js";
import giteaAccessToken from "./gitea-access-token.js";
import stripeTestKey from "./stripe-test-key.js";
import tailscaleKey from "./tailscale-key.js";

const SECRET_NAME =
  /password|passwd|passphrase|pwd|(?:^|[_.-])pass$|[a-z]Pass$|secret|token|api_?key|apikey|api-key|access_?key|auth_?key|credentials?|creds|private_?key|(?:encryption|signing|master|hmac|jwt)[_-]?key/i;
/**
 * Other names that end in "key" (`stripe_key`, `sendgridKey`, `MAILGUN_KEY`, `x-key`): weaker
 * evidence, so only a token-shaped, high-entropy value counts (see {@link secretScore}).
 */
const KEY_NAME = /(?:^|[_.-])key$|[a-z0-9]Key$|_KEY$/;
/** At least three upper-case letters, three lower-case letters and two digits. */
function mixedCase(value: string): boolean {
  return (value.match(/[A-Z]/g)?.length ?? 0) >= 3 && (value.match(/[a-z]/g)?.length ?? 0) >= 3 && (value.match(/[0-9]/g)?.length ?? 0) >= 2;
}

/** "…key" names of things that are not secrets. */
const NOT_SECRET_KEY =
  /(?:public|pub|primary|foreign|sort|cache|partition|map|dict|i18n|translation|react|storage|local|session|idempotency|lookup|hash|object|row|column|index|unique|query|route|field|item|list|group|event|state|prop|attr|label|message|error|type|name|s3|bucket|kms|hot|short|shortcut|keyboard|tracking|cursor|sign(?:ing)?_?public|verify|verification|dedupe|composite|compound|search_?only|search)[_.-]?key$/i;

/**
 * The vendors' published example keys of the specific detectors: the specific detector drops
 * them, and this catch-all must not then report them in its place (the storage emulator's
 * well-known key assigned to `storageKey`, say). A detector with `examples` is listed here.
 */
const VENDOR_EXAMPLES: readonly string[] = [awsAccessKeyId, awsSecretAccessKey, azureCosmosDbKey, azureStorageAccountKey, confluentCloudApiSecretCflt, giteaAccessToken, stripeTestKey, tailscaleKey].flatMap((d) => d.examples ?? []);

let prefixes: readonly string[] | undefined;
/**
 * The distinctive prefixes (4 characters or more) of the vendors' prefixed formats, lower-cased.
 * A value that starts with one is that vendor's detector's to judge: when it does not match the
 * documented format (too short, a placeholder body) it is a near miss, not a generic secret.
 * Read from the registry on first use (the registry imports this module).
 */
function vendorPrefixes(): readonly string[] {
  prefixes ??= [
    ...new Set(
      DETECTORS.flatMap((d) => {
        if (d.kind !== "content" || d.fallback !== undefined) return [];
        const format = (d as Partial<FormatDetector>).format;
        if (format !== undefined) return format.names !== undefined ? [] : leadingLiterals(format.parts).filter((literal) => literal.length >= 4);
        // Hand-written detectors: their keywords that are token prefixes (`ghp_`, `xoxb-`, `aiza`).
        return d.keywords.filter((k) => k.length >= 4 && (/^[a-z0-9]+(?:[_.-][a-z0-9]*)+$/.test(k) || /^(?:aiza|akia|asia|abia|acca)$/.test(k)));
      }),
    ),
  ];
  return prefixes;
}

/** Paths of tests, fixtures, mocks, examples and documentation. */
const SAMPLE_PATH = /(?:^|\/)(?:tests?|__tests__|spec|specs|fixtures?|__fixtures__|testdata|__mocks__|mocks?|examples?|samples?|docs?|demo)\/|(?:^|\/|\.)(?:mocks?|fixtures?|stubs?|fakes?)\.[cm]?[jt]sx?$|\.(?:test|spec|stories)\.[cm]?[jt]sx?$|_test\.(?:go|py)$|(?:^|\/)test_[^/]*\.py$|\.(?:md|mdx|rst|adoc|txt)$/i;
/** Words around a value that say it is a made-up one. */
const SAMPLE_WORDS = /\b(?:example|sample|dummy|fake|mock|stub|placeholder|fixture|lorem|not\s+a\s+real)\b/i;
/** The same words as parts of a name: `dummyToken`, `fakeKey`, `MOCK_SECRET`, `userMockToken`, `my_fake_key` (case-sensitive, so `examples` or `stubborn` do not count). */
const SAMPLE_NAME =
  /\b(?:example|sample|dummy|fake|mock|stub|Example|Sample|Dummy|Fake|Mock|Stub|EXAMPLE|SAMPLE|DUMMY|FAKE|MOCK|STUB)(?=[A-Z_0-9])|(?<=[a-z0-9])(?:Example|Sample|Dummy|Fake|Mock|Stub)(?![a-z])|(?<=_)(?:example|sample|dummy|fake|mock|stub|EXAMPLE|SAMPLE|DUMMY|FAKE|MOCK|STUB)(?![a-zA-Z])/;
/** Names of digests and ids that share the look of secrets. */
const DIGEST_NAME = /sha\d*|md5|hash|digest|checksum|integrity|etag|nonce|salt_?length|fingerprint|commit|revision|uuid|guid/i;
/** Names that are secrets by definition; the others (`token`, `credential`, `auth_key`) are weaker evidence. */
const STRONG_NAME = /password|passwd|passphrase|pwd|(?:^|[_.-])pass$|[a-z]Pass$|secret|api_?key|apikey|api-key|private_?key|access_?key|(?:encryption|signing|master|hmac|jwt)[_-]?key/i;

/**
 * Score a candidate by the name it is assigned to, its entropy and character classes, and its
 * surroundings: a value needs a score of 4 to be reported. A random-looking value under a strong
 * name in source code scores 5 to 7; the same value in a test file, a fixture or a docs example,
 * or on a line that calls it an example, loses 2 for each (1 for a comment on the line before); digests and ids named as such do not count.
 */
export function secretScore(secret: string, context: MatchContext): number {
  // "TokenRequest.apiVersion = …": the secret-sounding word must name the value, not its owner.
  const before = context.text.slice(Math.max(0, context.index - 90), context.index);
  const name = assignedName(before);
  // `a.token===1074790415?…&&…` in minified code: a comparison, not an assignment.
  if (/^[=>]/.test(secret)) return 0;
  // Text in another script (a translation: "パスワード"), read as bytes: credentials are printable ASCII.
  if (/[^\x21-\x7e]/.test(secret)) return 0;
  // Two quoted strings side by side name a value only as a call's arguments (`define('API_KEY', '…')`);
  // in a list (`["token", "_node$x"]`, a source map's names) they are neighbours, not a pair.
  if (/["']\s*,\s*["']$/.test(before) && !/\(\s*["'][^"'\n]{1,80}["']\s*,\s*["']$/.test(before)) return 0;
  // A regular expression (`[A-Za-z0-9._~+/-]+=*`, `\w+`), not a value.
  if (/\[[^\]]*[A-Za-z0-9]-[A-Za-z0-9][^\]]*\][+*?{]?|\\[dwsbDWS]/.test(secret)) return 0;
  // A bare value that ends at `&` is a URL query parameter only after `?` or `&`.
  if (context.text.charAt(context.index + secret.length) === "&" && !/(?:\?|(?<!&)&)[A-Za-z0-9_-]+=$/.test(before)) return 0;
  const field = name.slice(name.lastIndexOf(".") + 1);
  const keyName = !SECRET_NAME.test(field) && KEY_NAME.test(field) && !NOT_SECRET_KEY.test(field);
  if (!SECRET_NAME.test(field) && !keyName) return 0;
  // A "…key" name counts only with a token-shaped value: long, no separators of prose or paths,
  // random, and of mixed case (a hex digest or id under `cache_key` is not a secret).
  if (keyName && !(/^[A-Za-z0-9_+/=-]{20,}$/.test(secret) && shannonEntropy(secret) >= 4 && mixedCase(secret))) return 0;
  // `private_key_id`, `tokenId`, `API_KEY_ID`: the name of an identifier, not of the secret.
  if (/(?:[_-](?:id|ID)|[a-z0-9](?:Id|ID))s?$/.test(field)) return 0;
  if (DIGEST_NAME.test(field)) return 0;
  // An .npmrc credential line (`//host/:_authToken=…`) is npmrc-auth-token's finding.
  if (/(?<![^\s:])_(?:authToken|auth|password)\s*=\s*["']?$/.test(before)) return 0;
  if (VENDOR_EXAMPLES.some((example) => secret.includes(example))) return 0;
  const lower = secret.toLowerCase();
  if (vendorPrefixes().some((prefix) => lower.startsWith(prefix))) return 0;
  if (looksMadeUp(secret) || looksLikeCode(secret)) return 0;
  // Algolia's search-only key beside its application id and index name (a DocSearch or
  // InstantSearch config): public by design, Algolia's docs say it is meant for front-end code.
  if (/^(?:api_?key|apiKey|searchApiKey|search_api_key)$/i.test(field)) {
    const around = context.text.slice(Math.max(0, context.index - 400), context.index + 400);
    if (/\bappId\b|\bapplication_?id\b/i.test(around) && /\bindexName\b|\bindex_name\b|algolia|docsearch/i.test(around)) return 0;
  }
  if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/[\w./-]*)?$/.test(secret)) return 0; // a host name, version or path
  // A name or identifier, not a value — unless a part of it is a long random run (`sk-<32 hex>`).
  if (/^[a-z]+(?:[_.-][a-z0-9]+)*$/i.test(secret) && !/[_.-](?=[a-z0-9]*[0-9])(?=[a-z0-9]*[a-z])[a-z0-9]{16,}/i.test(secret)) return 0;
  if (/^(?:https?:\/\/|\/|\.\/|[A-Za-z]:\\)/.test(secret)) return 0; // a URL or path
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+(?:\(\))?$/.test(secret)) return 0; // a property access
  if (/[(){}[\]<>]/.test(secret) && /^[\w$.]+\(/.test(secret)) return 0; // a call
  if (/^(?:sha(?:1|256|384|512)-|md5-)/.test(secret)) return 0; // a subresource-integrity digest
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(secret)).length;
  if (!/[0-9]/.test(secret)) return 0; // words (`?InterpolationInTemplate`), not a key
  if (classes < 2) return 0;
  let score = STRONG_NAME.test(field) ? 2 : 1;
  // Hex digits carry at most 4 bits each: a random hex key or UUID (dashes aside) measures 3.6–3.9,
  // as random as its alphabet allows; other text needs 3.5 to count at all.
  const hex = /^[0-9a-f]+(?:-[0-9a-f]+)*$/i.test(secret) && secret.replace(/-/g, "").length >= 32;
  const entropy = shannonEntropy(hex ? secret.replace(/-/g, "") : secret);
  if (entropy < (hex ? 3 : 3.5)) return 0;
  score += entropy >= 4 || (hex && entropy >= 3.6) ? 2 : 1;
  if (classes >= 3) score += 1;
  if (secret.length >= 16) score += 1;
  if (SAMPLE_PATH.test(context.path)) score -= 2;
  const lineStart = context.text.lastIndexOf("\n", context.index) + 1;
  const lineEnd = context.text.indexOf("\n", context.index);
  const line = context.text.slice(Math.max(lineStart, context.index - 200), lineEnd < 0 ? context.index + 200 : Math.min(lineEnd, context.index + 200));
  const previous = context.text.slice(Math.max(0, lineStart - 160), lineStart);
  if (SAMPLE_WORDS.test(line) || SAMPLE_NAME.test(line)) score -= 2;
  else if (SAMPLE_WORDS.test(previous) || SAMPLE_NAME.test(previous)) score -= 1;
  return score;
}

/** Secret-named assignment. */
export default defineDetector({
  id: "generic-secret-assignment",
  name: "Secret-named assignment",
  description: "A literal of 8 or more characters assigned to a secret-sounding name (by `=`, `:`, `:=` or `=>`, an XML `key=\"…\" value=\"…\"` pair, a JSON `name`/`value` pair or a URL query parameter): `password`, `secret`, `token`, `api_key`, `creds` …; a name ending in `key`, such as `stripe_key` or `sendgridKey`, only with a token-shaped, mixed-case random value of 20 or more characters; scored by the strength of the name, entropy, character classes and surroundings (test files, fixtures, mock modules, docs, lines or names that say example, dummy, fake or mock); digests, ids, placeholders and variable references are never reported.",
  source: "Warden's own heuristic (no vendor format)",
  severity: "error",
  keywords: ["password", "passwd", "passphrase", "pwd", "_pass", "pass=", "pass =", "pass:", 'pass":', "pass':", "pass :=", "key :=", "secret", "token", "api_key", "apikey", "api-key", "access_key", "auth_key", "credential", "creds", "private_key", "_key", "key=", "key =", "key:", 'key":', "key':", 'key" :'],
  // The name, then how it is assigned: `=`, `:`, `:=`, `=>` (quoted name or not), an XML
  // attribute pair (`key="apiToken" value="…"`), a JSON name/value pair (`"name": "API_KEY",
  // "value": …`), two quoted arguments (`define('API_KEY', '…')`); then a quoted value, or a bare one ending the line, a URL query parameter
  // (`?api_key=…&`) or a quoted string. A quoted "value" that is itself the name of an XML pair
  // (`key="apiToken"`) is not taken for the value.
  pattern:
    /(?<![A-Za-z0-9])(?<name>(?:[A-Za-z_][A-Za-z0-9_.-]{0,40}?)?(?:password|passwd|passphrase|pwd|pass|secret|token|api_?key|apikey|api-key|access_?key|auth_?key|credentials?|creds|private_?key|key)[A-Za-z0-9_.-]{0,20})(?:\\?["'`]?\s*(?:=|:=|=>|:)|["']\s+value\s*=|["']\s*,\s*["']value["']\s*:|["']\s*,(?=\s*["']))\s*(?:\\?["'`](?<secret>[^"'`\s\\]{8,200})\\?["'`](?!\s+value\s*=)|(?<bare>[^\s"'`,;#(){}[\]<>&]{12,200})(?=\s*(?:$|#)|&|["'`]))/im,
  window: { before: 64, after: 300 },
  // Hex keys and UUIDs measure less than other random text; secretScore holds each to its alphabet.
  minEntropy: 3,
  fallback: "last",
  validate: (secret, context) => secretScore(secret, context) >= 4,
});
