import { assignedSecret, run } from "../token-format.js";

/** OVHcloud API application secret or consumer key. */
export default assignedSecret({
  id: "ovh-application-secret",
  name: "OVHcloud API application secret or consumer key",
  source: "python-ovh README (OVHcloud): Configure your application (application_key, application_secret, consumer_key)",
  names: ["ovh"],
  secretWords: ["secret", "consumer"],
  value: [run("alnum", 32)],
  note: "The application key is an application's public login (\"may safely be shared\") and is not reported; lengths are not documented, so only 32 letters and digits under an OVH name count.",
});
