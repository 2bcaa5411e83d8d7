import { assignedSecret, run } from "../token-format.js";

/** Bitly access token. */
export default assignedSecret({
  id: "bitly-access-token",
  name: "Bitly access token",
  source: "Bitly Developer: Authentication (generic access token)",
  names: ["bitly"],
  value: [run("hex", 40)],
  note: "Not confirmed against the vendor's documentation (length and alphabet unverified): reported only under a name carrying the vendor's name.",
});
