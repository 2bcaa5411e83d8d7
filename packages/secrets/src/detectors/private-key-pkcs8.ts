import { defineDetector } from "../define-detector.js";
import { pemBody, validPemBody } from "./shared.js";

/** PKCS#8 private key. */
export default defineDetector({
  id: "private-key-pkcs8",
  name: "PKCS#8 private key",
  description: "PKCS#8 private key: a PEM block `-----BEGIN PRIVATE KEY-----` … `-----END PRIVATE KEY-----` with a key body (unencrypted PKCS#8: RSA, EC, Ed25519, X25519 …).",
  source: "RFC 5958: Asymmetric Key Packages (PKCS #8)",
  severity: "error",
  keywords: ["begin private key"],
  pattern: /-----BEGIN PRIVATE KEY-----(?<secret>[A-Za-z0-9+/=\s\\"',:.-]{64,16384}?)-----END PRIVATE KEY-----/,
  window: { before: 16, after: 17000, multiline: true },
  normalize: pemBody,
  validate: validPemBody,
});
