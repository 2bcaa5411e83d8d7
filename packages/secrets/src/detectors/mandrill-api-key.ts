import { assignedSecret, run } from "../token-format.js";

/** Mailchimp Transactional (Mandrill) API key. */
export default assignedSecret({
  id: "mandrill-api-key",
  name: "Mailchimp Transactional (Mandrill) API key",
  source: "Mailchimp Transactional: Authentication",
  names: ["mandrill"],
  value: [run("urlsafe", 22)],
});
