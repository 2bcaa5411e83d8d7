import { assignedSecret, run } from "../token-format.js";

/** Drone CI personal token. */
export default assignedSecret({
  id: "drone-ci-token",
  name: "Drone CI personal token",
  source: "Drone CLI: Installation (DRONE_TOKEN)",
  names: ["drone"],
  value: [run("alnum", 32)],
});
