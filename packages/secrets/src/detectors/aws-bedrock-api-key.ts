import { alt, prefixedToken, run } from "../token-format.js";

/** Amazon Bedrock long-term API key. */
export default prefixedToken({
  id: "aws-bedrock-api-key",
  name: "Amazon Bedrock long-term API key",
  source: "How Amazon Bedrock API keys work - Amazon Bedrock; API keys for Amazon Bedrock - AWS Identity and Access Management",
  parts: ["ABSKQmVkcm9ja0FQSUtleS", run("b64", 100, 300), alt([], ["="], ["=="])],
  keywords: ["absk"],
  minEntropy: 4,
});
