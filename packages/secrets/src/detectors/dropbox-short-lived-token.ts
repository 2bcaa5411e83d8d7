import { alt, prefixedToken, run } from "../token-format.js";

/** Dropbox short-lived access token. */
export default prefixedToken({
  id: "dropbox-short-lived-token",
  name: "Dropbox short-lived access token",
  source: "Dropbox Developers: OAuth Guide (short-lived access tokens)",
  parts: ["sl.", alt([], ["u."]), run("urlsafe", 130, 1400)],
  keywords: ["sl."],
  minEntropy: 4.5,
});
