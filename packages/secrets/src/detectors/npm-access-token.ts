import { defineDetector } from "../define-detector.js";
import { checksumVerdict } from "./shared.js";

/** npm access token. */
export default defineDetector({
  id: "npm-access-token",
  name: "npm access token",
  description: "npm access token: `npm_` + 36 base62 characters, the last 6 a CRC-32 checksum that is verified (a mismatch is reported as a warning, a made-up body such as words and a run of zeros not at all).",
  source: "About access tokens - npm Docs",
  severity: "error",
  keywords: ["npm_"],
  pattern: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/,
  minEntropy: 3.5,
  validate: (secret) => checksumVerdict(secret.slice(4)),
});
