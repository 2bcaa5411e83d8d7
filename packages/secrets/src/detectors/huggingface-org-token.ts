import { prefixedToken, run } from "../token-format.js";

/** Hugging Face organization API token. */
export default prefixedToken({
  id: "huggingface-org-token",
  name: "Hugging Face organization API token",
  source: "User access tokens - Hugging Face",
  parts: ["api_org_", run("letters", 34)],
});
