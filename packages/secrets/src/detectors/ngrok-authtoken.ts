import { assignedSecret, run } from "../token-format.js";

/** ngrok authtoken. */
export default assignedSecret({
  id: "ngrok-authtoken",
  name: "ngrok authtoken",
  source: "ngrok Docs: Authtokens",
  names: ["ngrok"],
  value: [run("alnum", 27), "_", run("alnum", 21, 22)],
});
