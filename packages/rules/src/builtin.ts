import type { Rule } from "./define-rule.js";
import exportedApiDocumented from "./rules/docs/exported-api-documented.js";
import markdownLocation from "./rules/docs/markdown-location.js";
import packageChangelog from "./rules/docs/package-changelog.js";
import packageReadme from "./rules/docs/package-readme.js";
import noProcessEnv from "./rules/config/no-process-env.js";
import noEmptyCatch from "./rules/errors/no-empty-catch.js";
import throwErrorObjects from "./rules/errors/throw-error-objects.js";
import noBackupFiles from "./rules/files/no-backup-files.js";
import noConsole from "./rules/logging/no-console.js";
import noEmptyFunction from "./rules/real/no-empty-function.js";
import noPlaceholder from "./rules/real/no-placeholder.js";
import noSkippedTests from "./rules/real/no-skipped-tests.js";
import noExplicitAny from "./rules/types/no-explicit-any.js";
import suppressionReason from "./rules/warden/suppression-reason.js";

/** Every built-in rule, sorted by id. */
export const BUILTIN_RULES: readonly Rule[] = [
  noProcessEnv,
  exportedApiDocumented,
  markdownLocation,
  packageChangelog,
  packageReadme,
  noEmptyCatch,
  throwErrorObjects,
  noBackupFiles,
  noConsole,
  noEmptyFunction,
  noPlaceholder,
  noSkippedTests,
  noExplicitAny,
  suppressionReason,
].sort((a, b) => (a.id < b.id ? -1 : 1)) as readonly Rule[];
