import { prefixedToken, run, UUID } from "../token-format.js";

/** Microsoft Teams incoming webhook URL. */
export default prefixedToken({
  id: "teams-webhook-url",
  name: "Microsoft Teams incoming webhook URL",
  source: "Create Incoming Webhooks - Teams | Microsoft Learn",
  parts: ["https://", run("lowalnum", 3, 30), ".webhook.office.com/webhookb2/", ...UUID, "@", ...UUID, "/IncomingWebhook/", run("hex", 32), "/", ...UUID],
  keywords: ["webhook.office.com"],
});
