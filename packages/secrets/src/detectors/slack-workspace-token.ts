import { prefixedToken, run } from "../token-format.js";

/** Slack workspace app token. */
export default prefixedToken({
  id: "slack-workspace-token",
  name: "Slack workspace app token",
  source: "Legacy workspace apps - Slack API (workspace tokens)",
  parts: [["xoxa-2-", "xoxr-2-"], run("digits", 10, 14), "-", run("digits", 10, 14), "-", run("digits", 10, 14), "-", run("hex", 64)],
});
