import { assignedSecret, run } from "../token-format.js";

/** Gradle Plugin Portal publishing secret. */
export default assignedSecret({
  id: "gradle-plugin-portal-secret",
  name: "Gradle Plugin Portal publishing secret",
  source: "Gradle Plugin Portal: How do I add my plugin to the plugin portal? (gradle.publish.key / gradle.publish.secret)",
  names: ["gradle_publish"],
  secretWords: ["secret"],
  value: [run("alnum", 32)],
  note: "The secret's length is not documented, so 32 letters and digits under a `gradle.publish.secret`-style name is the only form reported.",
});
