import { defineDetector } from "../define-detector.js";
import { pemBody, validPemBody } from "./shared.js";

/** Encrypted PKCS#8 private key. */
export default defineDetector({
  id: "private-key-pkcs8-encrypted",
  name: "Encrypted PKCS#8 private key",
  description: "Encrypted PKCS#8 private key: a PEM block `-----BEGIN ENCRYPTED PRIVATE KEY-----` … `-----END ENCRYPTED PRIVATE KEY-----` with a key body (passphrase-protected, reported as a warning).",
  source: "RFC 5958: Asymmetric Key Packages (PKCS #8)",
  severity: "warn",
  keywords: ["begin encrypted private key"],
  pattern: /-----BEGIN ENCRYPTED PRIVATE KEY-----(?<secret>[A-Za-z0-9+/=\s\\"',:.-]{64,16384}?)-----END ENCRYPTED PRIVATE KEY-----/,
  window: { before: 16, after: 17000, multiline: true },
  normalize: pemBody,
  validate: validPemBody,
});
