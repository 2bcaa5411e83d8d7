import { assignedSecret, run } from "../token-format.js";

/** Mixpanel API secret. */
export default assignedSecret({
  id: "mixpanel-api-secret",
  name: "Mixpanel API secret",
  source: "Mixpanel Docs: Authentication (project secret)",
  names: ["mixpanel"],
  value: [run("hex", 32)],
  secretWords: ["secret"],
  note: "Not confirmed against the vendor's documentation (length and alphabet unverified): reported only under a name carrying the vendor's name.",
});
