import { prefixedToken, run } from "../token-format.js";

/** Flutterwave secret key. */
export default prefixedToken({
  id: "flutterwave-secret-key",
  name: "Flutterwave secret key",
  source: "Flutterwave Docs: API keys",
  parts: ["FLWSECK-", run("hex", 32), "-X"],
});
