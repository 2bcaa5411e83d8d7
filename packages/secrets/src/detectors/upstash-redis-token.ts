import { alt, assignedSecret, run } from "../token-format.js";

/** Upstash Redis REST token. */
export default assignedSecret({
  id: "upstash-redis-token",
  name: "Upstash Redis REST token",
  source: "Upstash Docs: REST API (UPSTASH_REDIS_REST_TOKEN)",
  names: ["upstash"],
  value: [run("urlsafe", 40, 200), alt([], ["="])],
  note: "The vendor's page names the credential but does not state its length or alphabet: the shape here is not confirmed by the vendor, so it is reported only under a name carrying the vendor's name.",
});
