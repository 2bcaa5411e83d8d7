import { defineDetector } from "../define-detector.js";
import { pemBody, validPemBody } from "./shared.js";

/** EC private key. */
export default defineDetector({
  id: "private-key-ec",
  name: "EC private key",
  description: "EC private key: a PEM block `-----BEGIN EC PRIVATE KEY-----` … `-----END EC PRIVATE KEY-----` with a key body (SEC 1; some scanners miss these).",
  source: "RFC 5915: Elliptic Curve Private Key Structure",
  severity: "error",
  keywords: ["begin ec private key"],
  pattern: /-----BEGIN EC PRIVATE KEY-----(?<secret>[A-Za-z0-9+/=\s\\"',:.-]{64,16384}?)-----END EC PRIVATE KEY-----/,
  window: { before: 16, after: 17000, multiline: true },
  normalize: pemBody,
  validate: validPemBody,
});
