import { prefixedToken, run } from "../token-format.js";

/** Harness personal or service account token. */
export default prefixedToken({
  id: "harness-access-token",
  name: "Harness personal or service account token",
  source: "Harness Docs: Add and manage API keys",
  parts: [["pat.", "sat."], run("urlsafe", 22), ".", run("alnum", 24), ".", run("alnum", 20)],
});
