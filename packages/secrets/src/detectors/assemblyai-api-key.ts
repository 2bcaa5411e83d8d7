import { assignedSecret, run } from "../token-format.js";

/** AssemblyAI API key. */
export default assignedSecret({
  id: "assemblyai-api-key",
  name: "AssemblyAI API key",
  source: "AssemblyAI: Authentication",
  names: ["assembly_ai"],
  value: [run("hex", 32)],
});
