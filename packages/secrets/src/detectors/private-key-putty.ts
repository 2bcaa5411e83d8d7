import { defineDetector } from "../define-detector.js";
import { pemBody, validPemBody } from "./shared.js";

/** PuTTY private key. */
export default defineDetector({
  id: "private-key-putty",
  name: "PuTTY private key",
  description: "PuTTY private key file (`PuTTY-User-Key-File-2/3`) with an unencrypted or encrypted `Private-Lines` section.",
  source: "PuTTY User Manual, Appendix C: PPK file format",
  severity: "error",
  keywords: ["putty-user-key-file"],
  pattern: /PuTTY-User-Key-File-[23]:[^\n]{1,80}\n(?:[^\n]{0,2000}\n){1,60}?Private-Lines: [0-9]{1,3}\r?\n(?<secret>[A-Za-z0-9+/=\r\n]{64,16384})/,
  window: { before: 16, after: 17000, multiline: true },
  normalize: pemBody,
  validate: validPemBody,
});
