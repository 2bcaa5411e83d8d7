import { definePathDetector } from "../define-detector.js";

/** Credentials file. */
export default definePathDetector({
  id: "credentials-file",
  name: "Credentials file",
  description: "A file whose name says it holds credentials: `credentials.json`, `.git-credentials`, `.pgpass`.",
  source: "Git - git-credential-store Documentation; PostgreSQL: The Password File",
  severity: "error",
  matchPath: (path) => /(?:^|\/)(?:credentials\.json|\.git-credentials|\.pgpass)$/.test(path),
});
