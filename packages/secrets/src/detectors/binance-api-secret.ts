import { assignedSecret, run } from "../token-format.js";

/** Binance API secret. */
export default assignedSecret({
  id: "binance-api-secret",
  name: "Binance API secret",
  source: "Binance API documentation: API key setup",
  names: ["binance"],
  value: [run("alnum", 64)],
  secretWords: ["secret"],
});
