import { assignedSecret, run } from "../token-format.js";

/** Sumo Logic access key. */
export default assignedSecret({
  id: "sumologic-access-key",
  name: "Sumo Logic access key",
  source: "Sumo Logic Docs: Access keys",
  names: ["sumo_logic"],
  value: [run("alnum", 64)],
});
