import { defineDetector } from "../define-detector.js";

/** Hugging Face access token. */
export default defineDetector({
  id: "huggingface-token",
  name: "Hugging Face access token",
  description: "Hugging Face user access token: `hf_` + 34 letters.",
  source: "User access tokens - Hugging Face",
  severity: "error",
  keywords: ["hf_"],
  pattern: /(?<![A-Za-z0-9_])hf_[A-Za-z]{34}(?![A-Za-z0-9])/,
  minEntropy: 3.8,
});
