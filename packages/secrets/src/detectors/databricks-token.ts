import { alt, prefixedToken, run } from "../token-format.js";

/** Databricks personal access token. */
export default prefixedToken({
  id: "databricks-token",
  name: "Databricks personal access token",
  source: "Databricks personal access token authentication - Azure Databricks / Databricks on AWS",
  parts: ["dapi", run("hex", 32), alt([], ["-", run("digits", 1)])],
});
