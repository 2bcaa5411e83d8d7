import { defineDetector } from "../define-detector.js";
import { pemBody, validPemBody } from "./shared.js";

/** OpenSSH private key. */
export default defineDetector({
  id: "private-key-openssh",
  name: "OpenSSH private key",
  description: "OpenSSH private key: a PEM block `-----BEGIN OPENSSH PRIVATE KEY-----` … `-----END OPENSSH PRIVATE KEY-----` with a key body (any algorithm, Ed25519 included).",
  source: "OpenSSH PROTOCOL.key: the OpenSSH private key format",
  severity: "error",
  keywords: ["begin openssh private key"],
  pattern: /-----BEGIN OPENSSH PRIVATE KEY-----(?<secret>[A-Za-z0-9+/=\s\\"',:.-]{64,16384}?)-----END OPENSSH PRIVATE KEY-----/,
  window: { before: 16, after: 17000, multiline: true },
  normalize: pemBody,
  validate: validPemBody,
});
