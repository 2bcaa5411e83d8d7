import { prefixedToken, run } from "../token-format.js";

/** PostHog personal API key. */
export default prefixedToken({
  id: "posthog-personal-api-key",
  name: "PostHog personal API key",
  source: "PostHog Docs: API overview (personal API keys)",
  parts: ["phx_", run("alnum", 40, 50)],
});
