import { defineDetector } from "../define-detector.js";
import { pemBody, validPemBody } from "./shared.js";

/** RSA private key. */
export default defineDetector({
  id: "private-key-rsa",
  name: "RSA private key",
  description: "RSA private key: a PEM block `-----BEGIN RSA PRIVATE KEY-----` … `-----END RSA PRIVATE KEY-----` with a key body (PKCS#1).",
  source: "RFC 8017: PKCS #1: RSA Cryptography Specifications",
  severity: "error",
  keywords: ["begin rsa private key"],
  pattern: /-----BEGIN RSA PRIVATE KEY-----(?<secret>[A-Za-z0-9+/=\s\\"',:.-]{64,16384}?)-----END RSA PRIVATE KEY-----/,
  window: { before: 16, after: 17000, multiline: true },
  normalize: pemBody,
  validate: validPemBody,
});
