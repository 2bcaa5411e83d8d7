import { assignedSecret, run } from "../token-format.js";

/** Razorpay key secret. */
export default assignedSecret({
  id: "razorpay-key-secret",
  name: "Razorpay key secret",
  source: "Razorpay Docs: Generate API keys",
  names: ["razorpay"],
  value: [run("alnum", 24)],
  secretWords: ["secret"],
});
