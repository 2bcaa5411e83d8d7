import { assignedSecret, run } from "../token-format.js";

/** Deepgram API key. */
export default assignedSecret({
  id: "deepgram-api-key",
  name: "Deepgram API key",
  source: "Deepgram: Authenticating (API keys)",
  names: ["deepgram"],
  value: [run("hex", 40)],
});
