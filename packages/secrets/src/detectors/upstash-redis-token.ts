import { alt, assignedSecret, run } from "../token-format.js";

/** Upstash Redis REST token. */
export default assignedSecret({
  id: "upstash-redis-token",
  name: "Upstash Redis REST token",
  source: "Upstash Docs: REST API (UPSTASH_REDIS_REST_TOKEN)",
  names: ["upstash"],
  value: [run("urlsafe", 40, 200), alt([], ["="])],
});
