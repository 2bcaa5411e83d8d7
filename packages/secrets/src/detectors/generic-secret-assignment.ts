import { defineDetector, type MatchContext } from "../define-detector.js";
import awsAccessKeyId from "./aws-access-key-id.js";
import awsSecretAccessKey from "./aws-secret-access-key.js";
import azureStorageAccountKey from "./azure-storage-account-key.js";
import stripeTestKey from "./stripe-test-key.js";

const SECRET_NAME = /password|passwd|secret|token|api_?key|apikey|api-key|access_?key|auth_?key|credentials?|private_?key/i;

/**
 * The vendors' published example keys of the specific detectors: the specific detector drops
 * them, and this catch-all must not then report them in its place (the storage emulator's
 * well-known key assigned to `storageKey`, say). A detector with `examples` is listed here.
 */
const VENDOR_EXAMPLES: readonly string[] = [awsAccessKeyId, awsSecretAccessKey, azureStorageAccountKey, stripeTestKey].flatMap((d) => d.examples ?? []);

function looksRandom(secret: string, context: MatchContext): boolean {
  // "TokenRequest.apiVersion = …": the secret-sounding word must name the value, not its owner.
  const before = context.text.slice(Math.max(0, context.index - 90), context.index);
  const name = /([A-Za-z0-9_.-]+)["'`]?\s*(?:=|:=|=>|:)\s*["'`]?$/.exec(before)?.[1] ?? "";
  const field = name.slice(name.lastIndexOf(".") + 1);
  if (!SECRET_NAME.test(field)) return false;
  // `private_key_id`, `tokenId`, `API_KEY_ID`: the name of an identifier, not of the secret.
  if (/(?:[_-](?:id|ID)|[a-z0-9](?:Id|ID))s?$/.test(field)) return false;
  // An .npmrc credential line (`//host/:_authToken=…`) is npmrc-auth-token's finding.
  if (/(?<![^\s:])_(?:authToken|auth|password)\s*=\s*["']?$/.test(before)) return false;
  if (VENDOR_EXAMPLES.some((example) => secret.includes(example))) return false;
  if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/[\w./-]*)?$/.test(secret)) return false; // a host name, version or path
  if (/^[a-z]+(?:[_.-][a-z0-9]+)*$/i.test(secret)) return false; // a name or identifier, not a value
  if (/^(?:https?:\/\/|\/|\.\/|[A-Za-z]:\\)/.test(secret)) return false; // a URL or path
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+(?:\(\))?$/.test(secret)) return false; // a property access
  if (/[(){}[\]<>]/.test(secret) && /^[\w$.]+\(/.test(secret)) return false; // a call
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(secret)).length;
  return classes >= 2 && /[0-9]/.test(secret);
}

/** Secret-named assignment. */
export default defineDetector({
  id: "generic-secret-assignment",
  name: "Secret-named assignment",
  description: "A literal of 8 or more characters assigned to a secret-sounding name (`password`, `secret`, `token`, `api_key` …), reported only when it looks random (entropy gate) and is not a placeholder.",
  severity: "error",
  keywords: ["password", "passwd", "secret", "token", "api_key", "apikey", "api-key", "access_key", "auth_key", "credential", "private_key"],
  pattern: /(?<![A-Za-z0-9])(?<name>(?:[A-Za-z_][A-Za-z0-9_.-]{0,40}?)?(?:password|passwd|secret|token|api_?key|apikey|api-key|access_?key|auth_?key|credentials?|private_?key)[A-Za-z0-9_.-]{0,20})["'`]?\s*(?:=|:=|=>|:)\s*(?:["'`](?<secret>[^"'`\s\\]{8,200})["'`]|(?<bare>[^\s"'`,;#(){}[\]<>]{12,200})(?=\s*(?:$|#)))/im,
  window: { before: 64, after: 300 },
  minEntropy: 3.5,
  fallback: true,
  validate: looksRandom,
});
