import { prefixedToken, run } from "../token-format.js";

/** Octopus Deploy API key. */
export default prefixedToken({
  id: "octopus-deploy-api-key",
  name: "Octopus Deploy API key",
  source: "Octopus Deploy Docs: How to create an API key",
  parts: ["API-", run("upalnum", 25, 32)],
  keywords: ["api-"],
  minEntropy: 3.5,
  validate: (secret) => /[0-9]/.test(secret) && /[A-Z]{2}/.test(secret.slice(4)),
});
