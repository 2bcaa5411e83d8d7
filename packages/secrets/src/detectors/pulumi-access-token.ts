import { prefixedToken, run } from "../token-format.js";

/** Pulumi access token. */
export default prefixedToken({
  id: "pulumi-access-token",
  name: "Pulumi access token",
  source: "Pulumi Docs: Access tokens",
  parts: ["pul-", run("hex", 40)],
});
