import { prefixedToken, run } from "../token-format.js";

/** Postman API key. */
export default prefixedToken({
  id: "postman-api-key",
  name: "Postman API key",
  source: "Postman Docs: Generate and use Postman API keys",
  parts: ["PMAK-", run("hex", 24), "-", run("hex", 34)],
});
