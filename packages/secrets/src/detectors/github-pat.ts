import { defineDetector } from "../define-detector.js";
import { checksumVerdict } from "./shared.js";

/** GitHub personal access token (classic). */
export default defineDetector({
  id: "github-pat",
  name: "GitHub personal access token (classic)",
  description: "GitHub personal access token (classic): `ghp_` + 36 base62 characters, the last 6 a CRC-32 checksum that is verified (a mismatch is reported as a warning, a made-up body such as words and a run of zeros not at all).",
  source: "About authentication to GitHub - GitHub Docs (GitHub's token formats)",
  severity: "error",
  keywords: ["ghp_"],
  pattern: /(?<![A-Za-z0-9_])ghp_[A-Za-z0-9]{36}(?![A-Za-z0-9])/,
  minEntropy: 3.5,
  validate: (secret) => checksumVerdict(secret.slice(4)),
});
