import { alt, prefixedToken, run } from "../token-format.js";

/** Amazon Bedrock short-term API key. */
export default prefixedToken({
  id: "aws-bedrock-short-term-api-key",
  name: "Amazon Bedrock short-term API key",
  source: "Generate Amazon Bedrock API keys to easily authenticate to the Amazon Bedrock API",
  parts: ["bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t", run("b64", 200, 3000), alt([], ["="], ["=="])],
  minEntropy: 4,
  window: { after: 3200 },
});
