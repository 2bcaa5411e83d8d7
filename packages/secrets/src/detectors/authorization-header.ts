import { defineDetector } from "../define-detector.js";
import { isPlaceholder, shannonEntropy } from "../entropy.js";
import { SAMPLE_PASSWORDS } from "./shared.js";

/** Whether a Basic credential decodes to `user:password` with a real-looking password. */
function basicCredential(encoded: string): boolean {
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0 || !/^[\x20-\x7e]+$/.test(decoded)) return false;
  const password = decoded.slice(colon + 1);
  return password.length >= 3 && !SAMPLE_PASSWORDS.has(password.toLowerCase()) && !isPlaceholder(password) && password !== decoded.slice(0, colon);
}

/** Authorization header with a literal credential. */
export default defineDetector({
  id: "authorization-header",
  name: "Credential in an HTTP header",
  description:
    "An `Authorization:` (or `Proxy-Authorization`, `X-API-Key`, `Private-Token`, `X-Auth-Token`) header with a literal credential, in code (`headers[\"Authorization\"] = …`, `Header.Set(\"Authorization\", …)`), HTTP files, command lines (`curl -H`, `curl --oauth2-bearer`, `wget --header`, HTTPie) and docs: Basic credentials must decode to `user:password`; bearer and API tokens must look random (short words joined by `_`, `-` or `.`, such as `oauth_token_123`, do not). References (`Bearer ${TOKEN}`, `$TOKEN`, `<token>`) are not reported, and a token a specific detector knows is reported by that detector.",
  source: "RFC 9110: HTTP Semantics (11.6.2 Authorization); RFC 7617: The 'Basic' HTTP Authentication Scheme; RFC 6750: OAuth 2.0 Bearer Token Usage",
  severity: "error",
  keywords: ["authorization", "x-api-key", "private-token", "x-auth-token", "api-key:", "oauth2-bearer"],
  pattern:
    /(?<![A-Za-z0-9-])(?:(?:Proxy-)?Authorization["']?\s*(?:[:=]|\]\s*=|,)\s*["'`]?\s*(?<scheme>Bearer|Basic|Token|token|bearer|basic|Bot|SSWS|GenieKey|ApiKey|Api-Key|OAuth)\s+|(?:X-Api-Key|Api-Key|Private-Token|X-Auth-Token)["']?\s*(?::|\]\s*=|,)\s*["']?|--oauth2-bearer[= ]["']?)(?<secret>[A-Za-z0-9._~+/=-]{12,4000})(?![A-Za-z0-9._~+/=-])/i,
  window: { before: 40, after: 4100 },
  minEntropy: 3,
  fallback: true,
  validate: (secret, context) => {
    const before = context.text.slice(Math.max(0, context.index - 20), context.index);
    if (/basic\s+$/i.test(before)) return basicCredential(secret);
    const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((re) => re.test(secret)).length;
    if (classes < 2 || !/[0-9]/.test(secret) || isPlaceholder(secret)) return false;
    // Short words joined by `_`, `-` or `.` (`oauth_token_123`, `invalid_b2b_token`): a test's made-up value, not a random token.
    const parts = secret.split(/[_.-]/);
    return !(parts.length >= 2 && parts.every((part) => part.length <= 10) && shannonEntropy(secret) < 3.8);
  },
});
