import { defineDetector } from "../define-detector.js";
import { checksumVerdict } from "./shared.js";

/** GitHub user-to-server token. */
export default defineDetector({
  id: "github-user-to-server-token",
  name: "GitHub user-to-server token",
  description: "GitHub user-to-server token: `ghu_` + 36 base62 characters, the last 6 a CRC-32 checksum that is verified (a mismatch is reported as a warning, a made-up body such as words and a run of zeros not at all).",
  source: "About authentication to GitHub - GitHub Docs (GitHub's token formats)",
  severity: "error",
  keywords: ["ghu_"],
  pattern: /(?<![A-Za-z0-9_])ghu_[A-Za-z0-9]{36}(?![A-Za-z0-9])/,
  minEntropy: 3.5,
  validate: (secret) => checksumVerdict(secret.slice(4)),
});
