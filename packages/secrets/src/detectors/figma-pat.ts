import { prefixedToken, run } from "../token-format.js";

/** Figma personal access token. */
export default prefixedToken({
  id: "figma-pat",
  name: "Figma personal access token",
  source: "Figma Developers: Access tokens",
  parts: ["figd_", run("urlsafe", 40, 44)],
});
