import { defineDetector } from "../define-detector.js";

/** Anthropic admin key. */
export default defineDetector({
  id: "anthropic-admin-key",
  name: "Anthropic admin key",
  description: "Anthropic Admin API key: `sk-ant-admin01-` + 93 URL-safe characters + `AA`.",
  source: "Admin API - Anthropic",
  severity: "error",
  keywords: ["sk-ant-admin"],
  pattern: /(?<![A-Za-z0-9_-])sk-ant-admin0[0-9]-[A-Za-z0-9_-]{93}AA(?![A-Za-z0-9_-])/,
  minEntropy: 4,
});
