import { assignedSecret, run } from "../token-format.js";

/** Drone CI personal token. */
export default assignedSecret({
  id: "drone-ci-token",
  name: "Drone CI personal token",
  source: "Drone CLI: Installation (DRONE_TOKEN)",
  names: ["drone"],
  value: [run("alnum", 32)],
  note: "Not confirmed against the vendor's documentation (length and alphabet unverified): reported only under a name carrying the vendor's name.",
});
