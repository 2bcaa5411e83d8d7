import { defineDetector } from "../define-detector.js";

/** AWS access key id. */
export default defineDetector({
  id: "aws-access-key-id",
  name: "AWS access key id",
  description: "AWS access key id: `AKIA`/`ASIA`/`ABIA`/`ACCA`/`A3T…` followed by 16 base32 characters.",
  source: "Manage access keys for IAM users - AWS Identity and Access Management",
  severity: "error",
  keywords: ["akia", "asia", "abia", "acca", "a3t"],
  pattern: /(?<![A-Za-z0-9])(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9])/,
  minEntropy: 3,
  examples: ["AKIAIOSFODNN7EXAMPLE", "AKIAI44QH8DHBEXAMPLE"],
});
