import { prefixedToken, run } from "../token-format.js";

/** Firebase Cloud Messaging legacy server key. */
export default prefixedToken({
  id: "firebase-cloud-messaging-server-key",
  name: "Firebase Cloud Messaging legacy server key",
  source: "Firebase Cloud Messaging: Authorize send requests (legacy server key)",
  parts: ["AAAA", run("urlsafe", 7), ":APA91b", run("urlsafe", 134)],
  keywords: [":apa91b"],
});
