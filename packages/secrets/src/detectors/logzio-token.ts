import { assignedSecret, run } from "../token-format.js";

/** Logz.io token. */
export default assignedSecret({
  id: "logzio-token",
  name: "Logz.io token",
  source: "Logz.io Docs: Manage API tokens and shipping tokens",
  names: ["logzio", "logz_io"],
  value: [run("alnum", 32)],
  note: "Not confirmed against the vendor's documentation (length and alphabet unverified): reported only under a name carrying the vendor's name.",
});
