import { prefixedToken, run } from "../token-format.js";

/** Zapier catch hook URL. */
export default prefixedToken({
  id: "zapier-webhook-url",
  name: "Zapier catch hook URL",
  source: "Zapier: Trigger Zaps from webhooks",
  parts: ["https://hooks.zapier.com/hooks/catch/", run("digits", 5, 9), "/", run("lowalnum", 6, 8), "/"],
  keywords: ["hooks.zapier.com"],
});
