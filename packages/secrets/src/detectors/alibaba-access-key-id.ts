import { prefixedToken, run } from "../token-format.js";

/** Alibaba Cloud AccessKey ID. */
export default prefixedToken({
  id: "alibaba-access-key-id",
  name: "Alibaba Cloud AccessKey ID",
  source: "Alibaba Cloud: Create an AccessKey pair",
  parts: ["LTAI", run("alnum", 12, 20)],
  minEntropy: 3.3,
});
