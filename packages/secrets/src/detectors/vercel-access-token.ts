import { assignedSecret, run } from "../token-format.js";

/** Vercel access token. */
export default assignedSecret({
  id: "vercel-access-token",
  name: "Vercel access token",
  source: "Vercel Docs: Account tokens (REST API authentication)",
  names: ["vercel"],
  value: [run("alnum", 24)],
});
