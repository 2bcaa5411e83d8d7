import { assignedSecret, run } from "../token-format.js";

/** Cloudsmith API key. */
export default assignedSecret({
  id: "cloudsmith-api-key",
  name: "Cloudsmith API key",
  source: "Cloudsmith Docs: API Key",
  names: ["cloudsmith"],
  value: [run("hex", 40)],
});
