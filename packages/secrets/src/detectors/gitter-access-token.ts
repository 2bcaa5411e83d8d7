import { assignedSecret, run } from "../token-format.js";

/** Gitter access token. */
export default assignedSecret({
  id: "gitter-access-token",
  name: "Gitter access token",
  source: "Gitter Developer: Authentication",
  names: ["gitter"],
  value: [run("hex", 40)],
});
