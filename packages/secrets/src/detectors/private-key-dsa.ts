import { defineDetector } from "../define-detector.js";
import { pemBody, validPemBody } from "./shared.js";

/** DSA private key. */
export default defineDetector({
  id: "private-key-dsa",
  name: "DSA private key",
  description: "DSA private key: a PEM block `-----BEGIN DSA PRIVATE KEY-----` … `-----END DSA PRIVATE KEY-----` with a key body.",
  source: "RFC 7468: Textual Encodings of PKIX, PKCS, and CMS Structures",
  severity: "error",
  keywords: ["begin dsa private key"],
  pattern: /-----BEGIN DSA PRIVATE KEY-----(?<secret>[A-Za-z0-9+/=\s\\"',:.-]{64,16384}?)-----END DSA PRIVATE KEY-----/,
  window: { before: 16, after: 17000, multiline: true },
  normalize: pemBody,
  validate: validPemBody,
});
