import { defineDetector } from "../define-detector.js";

/** age secret key. */
export default defineDetector({
  id: "age-secret-key",
  name: "age secret key",
  description: "age encryption secret key: `AGE-SECRET-KEY-1` + 58 bech32 characters.",
  source: "age-encryption.org/v1 (the age file format specification)",
  severity: "error",
  keywords: ["age-secret-key-1"],
  pattern: /AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}(?![A-Z0-9])/,
  minEntropy: 3.5,
});
