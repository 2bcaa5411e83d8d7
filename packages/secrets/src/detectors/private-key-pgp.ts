import { defineDetector } from "../define-detector.js";
import { pemBody, validPemBody } from "./shared.js";

/** PGP private key block. */
export default defineDetector({
  id: "private-key-pgp",
  name: "PGP private key block",
  description: "PGP private key block: a PEM block `-----BEGIN PGP PRIVATE KEY BLOCK-----` … `-----END PGP PRIVATE KEY BLOCK-----` with a key body (an OpenPGP secret key export).",
  source: "RFC 4880: OpenPGP Message Format (ASCII armor)",
  severity: "error",
  keywords: ["begin pgp private key block"],
  pattern: /-----BEGIN PGP PRIVATE KEY BLOCK-----(?<secret>[A-Za-z0-9+/=\s\\"',:.-]{64,16384}?)-----END PGP PRIVATE KEY BLOCK-----/,
  window: { before: 16, after: 17000, multiline: true },
  normalize: pemBody,
  validate: validPemBody,
});
