import { assignedSecret, run } from "../token-format.js";

/** Alchemy API key. */
export default assignedSecret({
  id: "alchemy-api-key",
  name: "Alchemy API key",
  source: "Alchemy Docs: Create an API key",
  names: ["alchemy"],
  value: [run("urlsafe", 32)],
});
