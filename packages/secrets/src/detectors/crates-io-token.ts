import { prefixedToken, run } from "../token-format.js";

/** crates.io API token. */
export default prefixedToken({
  id: "crates-io-token",
  name: "crates.io API token",
  source: "The Cargo Book: cargo login (crates.io API tokens)",
  parts: ["cio", run("alnum", 32)],
});
