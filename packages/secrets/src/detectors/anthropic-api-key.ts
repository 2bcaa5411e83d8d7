import { defineDetector } from "../define-detector.js";

/** Anthropic API key. */
export default defineDetector({
  id: "anthropic-api-key",
  name: "Anthropic API key",
  description: "Anthropic API key: `sk-ant-api03-` + 93 URL-safe characters + `AA`.",
  source: "API keys - Anthropic (Claude API documentation)",
  severity: "error",
  keywords: ["sk-ant-api"],
  pattern: /(?<![A-Za-z0-9_-])sk-ant-api0[0-9]-[A-Za-z0-9_-]{93}AA(?![A-Za-z0-9_-])/,
  minEntropy: 4,
});
