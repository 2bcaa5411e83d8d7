import { alt, assignedSecret, run } from "../token-format.js";

/** Honeycomb API key. */
export default assignedSecret({
  id: "honeycomb-api-key",
  name: "Honeycomb API key",
  source: "Honeycomb Docs: API keys",
  names: ["honeycomb"],
  value: [alt([run("alnum", 22)], [run("alnum", 32)], ["hc", ["aik", "amk", "bik", "bmk"], "_", run("lowalnum", 58)])],
});
