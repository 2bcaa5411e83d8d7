import { assignedSecret, run } from "../token-format.js";

/** Meta (Facebook) access token. */
export default assignedSecret({
  id: "facebook-access-token",
  name: "Meta (Facebook) access token",
  source: "Meta for Developers: Access tokens",
  names: ["facebook", "fb_access", "fb_page", "instagram", "whatsapp"],
  value: ["EAA", run("letters", 1, 3), run("alnum", 100, 300)],
  minEntropy: 4.3,
  note: "Its `EAA` prefix is too common in base64 data to be a prefilter keyword on its own, so the token is looked for next to a Meta product name.",
});
