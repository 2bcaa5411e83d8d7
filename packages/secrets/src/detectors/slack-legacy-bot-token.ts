import { prefixedToken, run } from "../token-format.js";

/** Slack legacy bot token. */
export default prefixedToken({
  id: "slack-legacy-bot-token",
  name: "Slack legacy bot token",
  source: "Legacy bots - Slack API (bot tokens)",
  parts: ["xoxb-", run("digits", 8, 14), "-", run("alnum", 18, 26)],
});
