import { assignedSecret, run } from "../token-format.js";

/** Huawei Cloud secret access key (SK). */
export default assignedSecret({
  id: "huawei-cloud-secret-access-key",
  name: "Huawei Cloud secret access key (SK)",
  source: "Huawei Cloud: Access Keys (My Credentials)",
  names: ["huaweicloud", "huawei_cloud", "huawei"],
  secretWords: ["secret", "_sk", "sk"],
  value: [run("alnum", 40)],
  note: "Huawei Cloud does not document the SK's length or alphabet; 40 letters and digits under a Huawei name holding `secret` or `SK` is the only form reported.",
});
