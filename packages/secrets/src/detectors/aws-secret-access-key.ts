import { defineDetector } from "../define-detector.js";
import { near } from "./shared.js";

/** AWS secret access key. */
export default defineDetector({
  id: "aws-secret-access-key",
  name: "AWS secret access key",
  description: "AWS secret access key: 40 base64 characters standing within a few lines of an AWS access key id or an `aws_secret_access_key` name.",
  source: "Manage access keys for IAM users - AWS Identity and Access Management",
  severity: "error",
  keywords: ["akia", "asia", "aws_secret", "secret_access_key", "secretaccesskey", "aws-secret"],
  pattern: /(?<![A-Za-z0-9/+])(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/,
  window: { lines: 3 },
  minEntropy: 4.2,
  examples: ["wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"],
  validate: (secret, context) =>
    /[A-Z]/.test(secret) && /[a-z]/.test(secret) && /[0-9]/.test(secret) &&
    near(context.text, context.index, 400, /(?:AKIA|ASIA)[A-Z2-7]{16}|secret_?access_?key|aws.?secret/i),
});
