import { definePathDetector } from "../define-detector.js";

/** PKCS#12 key store. */
export default definePathDetector({
  id: "pkcs12-file",
  name: "PKCS#12 key store",
  description: "A PKCS#12 key store (`*.p12`, `*.pfx`): a private key and certificate chain in one binary file.",
  source: "RFC 7292: PKCS #12: Personal Information Exchange Syntax",
  severity: "error",
  matchPath: (path) => /\.(?:p12|pfx)$/i.test(path),
});
