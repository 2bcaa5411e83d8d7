import { defineDetector } from "../define-detector.js";
import { decodeBase64Url } from "./shared.js";

function validJwt(secret: string): boolean {
  const [header, payload] = secret.split(".");
  try {
    const head = JSON.parse(decodeBase64Url(header ?? "") ?? "null") as { alg?: unknown } | null;
    const body = JSON.parse(decodeBase64Url(payload ?? "") ?? "null") as { sub?: unknown; name?: unknown } | null;
    if (head === null || typeof head.alg !== "string" || head.alg.toLowerCase() === "none" || typeof body !== "object" || body === null) return false;
    return !(body.sub === "1234567890" && body.name === "John Doe"); // the sample token of jwt.io and RFC-style docs
  } catch {
    return false; // not JSON: not a JWT
  }
}

/** JSON Web Token. */
export default defineDetector({
  id: "jwt",
  name: "JSON Web Token",
  description: "JSON Web Token with a signature: three base64url parts, the first two decoding to JSON objects (unsigned `alg: none` tokens and jwt.io's sample token are not reported).",
  source: "RFC 7519: JSON Web Token (JWT)",
  severity: "error",
  keywords: ["eyj"],
  pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,4000}\.eyJ[A-Za-z0-9_-]{8,8000}\.[A-Za-z0-9_-]{16,1000}(?![A-Za-z0-9_-])/,
  window: { before: 0, after: 14000 },
  minEntropy: 4,
  validate: validJwt,
});
