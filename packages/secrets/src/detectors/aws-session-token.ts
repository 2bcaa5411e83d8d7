import { alt, assignedSecret, run } from "../token-format.js";

/** AWS session token. */
export default assignedSecret({
  id: "aws-session-token",
  name: "AWS session token",
  source: "Use temporary credentials with AWS resources - AWS Identity and Access Management",
  names: ["aws_session"],
  value: [run("b64", 200, 1200), alt([], ["="], ["=="])],
  secretWords: ["token"],
  minEntropy: 4.5,
});
