import { prefixedToken, run } from "../token-format.js";

/** Bitbucket app password. */
export default prefixedToken({
  id: "bitbucket-app-password",
  name: "Bitbucket app password",
  source: "Bitbucket Cloud: App passwords",
  parts: ["ATBB", run("alnum", 28, 40)],
});
