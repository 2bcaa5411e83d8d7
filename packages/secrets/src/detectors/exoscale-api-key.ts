import { prefixedToken, run } from "../token-format.js";

/** Exoscale API key. */
export default prefixedToken({
  id: "exoscale-api-key",
  name: "Exoscale API key",
  source: "Exoscale IAM: API keys (exo iam api-key create)",
  parts: ["EXO", run("hex", 24)],
  keywords: ["exo"],
  note: "Exoscale's pages document API keys (key and secret) but not the `EXO` prefix of the key; the shape is not confirmed by the vendor's documentation.",
});
