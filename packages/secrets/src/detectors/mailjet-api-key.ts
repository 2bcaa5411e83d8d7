import { assignedSecret, run } from "../token-format.js";

/** Mailjet API secret key. */
export default assignedSecret({
  id: "mailjet-api-key",
  name: "Mailjet API secret key",
  source: "Mailjet API: Authentication",
  names: ["mailjet", "mj_apikey"],
  value: [run("hex", 32)],
});
