import { alt, assignedSecret, run } from "../token-format.js";

/** Azure DevOps personal access token. */
export default assignedSecret({
  id: "azure-devops-pat",
  name: "Azure DevOps personal access token",
  source: "Use personal access tokens - Azure DevOps",
  names: ["azure_devops", "azdo", "ado_pat", "vsts"],
  value: [alt([run("lowbase32", 52)], [run("alnum", 84)])],
});
