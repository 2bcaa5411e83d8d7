import { assignedSecret, run } from "../token-format.js";

/** Alibaba Cloud AccessKey secret. */
export default assignedSecret({
  id: "alibaba-access-key-secret",
  name: "Alibaba Cloud AccessKey secret",
  source: "Alibaba Cloud: Create an AccessKey pair",
  names: ["alibaba", "aliyun"],
  value: [run("alnum", 30)],
});
