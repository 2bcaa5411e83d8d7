import { definePathDetector } from "../define-detector.js";

/** PEM or PuTTY key file. */
export default definePathDetector({
  id: "pem-file",
  name: "PEM or PuTTY key file",
  description: "A `*.pem` file (keys and certificates; a certificate alone is harmless, but the name is where keys end up) or a PuTTY `*.ppk` key.",
  source: "RFC 7468: Textual Encodings of PKIX, PKCS, and CMS Structures",
  severity: "error",
  matchPath: (path) => /\.(?:pem|ppk)$/i.test(path),
});
