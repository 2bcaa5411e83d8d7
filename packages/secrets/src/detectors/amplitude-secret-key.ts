import { assignedSecret, run } from "../token-format.js";

/** Amplitude secret key. */
export default assignedSecret({
  id: "amplitude-secret-key",
  name: "Amplitude secret key",
  source: "Amplitude Developer Center: Authentication (API key and secret key)",
  names: ["amplitude"],
  value: [run("hex", 32)],
  secretWords: ["secret"],
  note: "Not confirmed against the vendor's documentation (length and alphabet unverified): reported only under a name carrying the vendor's name.",
});
