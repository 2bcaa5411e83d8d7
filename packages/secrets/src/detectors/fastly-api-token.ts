import { assignedSecret, run } from "../token-format.js";

/** Fastly API token. */
export default assignedSecret({
  id: "fastly-api-token",
  name: "Fastly API token",
  source: "Fastly Docs: Using API tokens",
  names: ["fastly"],
  value: [run("urlsafe", 32)],
});
