import { prefixedToken, run } from "../token-format.js";

/** Azure Service Bus / Event Hubs shared access key. */
export default prefixedToken({
  id: "azure-service-bus-key",
  name: "Azure Service Bus / Event Hubs shared access key",
  source: "Azure Service Bus access control with Shared Access Signatures",
  parts: ["SharedAccessKey=", run("b64", 43), "="],
  keywords: ["sharedaccesskey="],
  minEntropy: 4,
});
