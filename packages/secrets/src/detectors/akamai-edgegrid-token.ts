import { prefixedToken, run } from "../token-format.js";

/** Akamai EdgeGrid client or access token. */
export default prefixedToken({
  id: "akamai-edgegrid-token",
  name: "Akamai EdgeGrid client or access token",
  source: "Akamai TechDocs: Create authentication credentials (EdgeGrid)",
  parts: ["akab-", run("lowalnum", 16), "-", run("lowalnum", 16)],
});
