import { prefixedToken, run } from "../token-format.js";

/** Tencent Cloud SecretId. */
export default prefixedToken({
  id: "tencent-secret-id",
  name: "Tencent Cloud SecretId",
  source: "Tencent Cloud: Access Key (API key management)",
  parts: ["AKID", run("alnum", 32)],
});
