import { assignedSecret, run } from "../token-format.js";

/** Azure Cosmos DB account key. */
export default assignedSecret({
  id: "azure-cosmos-db-key",
  name: "Azure Cosmos DB account key",
  source: "Azure Cosmos DB: Secure access to data (primary keys); Use the Azure Cosmos DB emulator for local development and testing",
  names: ["cosmos"],
  value: [run("b64", 86), "=="],
  minEntropy: 4.5,
  // The emulator's well-known key, published in Microsoft's documentation: not a secret.
  examples: ["C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=="],
  note: "The emulator's published key is not reported.",
});
