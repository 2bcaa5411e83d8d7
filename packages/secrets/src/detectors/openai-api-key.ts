import { defineDetector } from "../define-detector.js";

/** OpenAI API key. */
export default defineDetector({
  id: "openai-api-key",
  name: "OpenAI API key",
  description: "OpenAI API key: project, service-account and admin keys (`sk-proj-`, `sk-svcacct-`, `sk-admin-`) and legacy keys carrying the `T3BlbkFJ` marker.",
  source: "API keys - OpenAI API (Authentication)",
  severity: "error",
  keywords: ["sk-proj-", "sk-svcacct-", "sk-admin-", "t3blbkfj"],
  pattern: /(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,250}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})(?![A-Za-z0-9_-])/,
  window: { before: 300, after: 300 },
  minEntropy: 4,
});
