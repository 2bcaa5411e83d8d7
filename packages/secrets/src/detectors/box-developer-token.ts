import { assignedSecret, run } from "../token-format.js";

/** Box developer token or client secret. */
export default assignedSecret({
  id: "box-developer-token",
  name: "Box developer token or client secret",
  source: "Box Developer: Developer tokens",
  names: ["box_client", "box_developer", "box_access"],
  value: [run("alnum", 32)],
});
