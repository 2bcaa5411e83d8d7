import { assignedSecret, run } from "../token-format.js";

/** Backblaze B2 application key. */
export default assignedSecret({
  id: "backblaze-b2-application-key",
  name: "Backblaze B2 application key",
  source: "Backblaze Docs: Application Keys; b2-sdk-python documentation: Glossary (application key)",
  names: ["b2_application", "b2_app", "backblaze"],
  value: ["K", run("digits", 3), run("b64", 27)],
  note: "The shape is the glossary's example of a non-master application key; the key ID (`…_KEY_ID`) is not a secret and is not reported.",
});
