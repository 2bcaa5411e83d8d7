import { assignedSecret, run } from "../token-format.js";

/** Percy project token. */
export default assignedSecret({
  id: "percy-token",
  name: "Percy project token",
  source: "Percy (BrowserStack): Set PERCY_TOKEN",
  names: ["percy"],
  value: [run("hex", 64)],
});
