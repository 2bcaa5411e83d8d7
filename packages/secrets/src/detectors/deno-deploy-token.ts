import { prefixedToken, run } from "../token-format.js";

/** Deno Deploy access token. */
export default prefixedToken({
  id: "deno-deploy-token",
  name: "Deno Deploy access token",
  source: "Deno Deploy Docs: Access tokens",
  parts: [["ddp_", "ddo_"], run("alnum", 36)],
});
