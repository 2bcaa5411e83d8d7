import { assignedSecret, run } from "../token-format.js";

/** Weights & Biases API key. */
export default assignedSecret({
  id: "wandb-api-key",
  name: "Weights & Biases API key",
  source: "Weights & Biases: Environment variables (WANDB_API_KEY)",
  names: ["wandb"],
  value: [run("hex", 40)],
});
