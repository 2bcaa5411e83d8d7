import { alt, prefixedToken, run } from "../token-format.js";

/** 1Password account Secret Key. */
export default prefixedToken({
  id: "onepassword-secret-key",
  name: "1Password account Secret Key",
  source: "1Password Support: About your Secret Key",
  parts: ["A3-", run("upalnum", 6), "-", alt([], [run("upalnum", 6), "-"]), run("upalnum", 5), "-", run("upalnum", 5), "-", run("upalnum", 5), "-", run("upalnum", 5), "-", run("upalnum", 5)],
});
