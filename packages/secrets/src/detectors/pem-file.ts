import { definePathDetector } from "../define-detector.js";

/** PEM or PuTTY key file. */
export default definePathDetector({
  id: "pem-file",
  name: "PEM or PuTTY key file",
  description: "A `*.pem` file that holds a private key (or anything but PEM blocks: the name is where keys end up) or a PuTTY `*.ppk` key; a `.pem` of certificates and public keys only is not reported.",
  source: "RFC 7468: Textual Encodings of PKIX, PKCS, and CMS Structures",
  severity: "error",
  matchPath: (path) => /\.(?:pem|ppk)$/i.test(path),
  // A .pem of certificates, CSRs or public keys only (a CA bundle) holds nothing secret; any other
  // contents (a private key block, a PuTTY key, unreadable bytes) are reported.
  judgeContent: (text) => !/-----BEGIN [A-Z0-9 ]+-----/.test(text) || /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----|PuTTY-User-Key-File/.test(text),
});
