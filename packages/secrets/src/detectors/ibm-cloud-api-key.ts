import { assignedSecret, run } from "../token-format.js";

/** IBM Cloud API key. */
export default assignedSecret({
  id: "ibm-cloud-api-key",
  name: "IBM Cloud API key",
  source: "IBM Cloud Docs: Managing user API keys",
  names: ["ibm_cloud"],
  value: [run("urlsafe", 44)],
});
