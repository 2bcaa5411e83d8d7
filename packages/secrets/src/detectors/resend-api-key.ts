import { assignedSecret, run } from "../token-format.js";

/** Resend API key. */
export default assignedSecret({
  id: "resend-api-key",
  name: "Resend API key",
  source: "Resend Docs: API keys",
  names: ["resend"],
  value: ["re_", run("alnum", 8), "_", run("alnum", 24)],
});
