import { alt, assignedSecret, run } from "../token-format.js";

/** Azure OpenAI API key. */
export default assignedSecret({
  id: "azure-openai-api-key",
  name: "Azure OpenAI API key",
  source: "Azure OpenAI in Azure AI Foundry Models: Quickstart (API key)",
  names: ["azure_openai", "aoai"],
  value: [alt([run("hex", 32)], [run("alnum", 84)])],
});
