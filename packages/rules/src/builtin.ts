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

import changesApiBreakMajor from "./rules/changes/api-break-major.js";
import changesChangesetRequired from "./rules/changes/changeset-required.js";
import changesChangesetWaived from "./rules/changes/changeset-waived.js";
import codeNoDuplicateBlocks from "./rules/code/no-duplicate-blocks.js";
import docsAdrValid from "./rules/docs/adr-valid.js";
import commitsConventional from "./rules/commits/conventional.js";
import composeHealthcheck from "./rules/compose/healthcheck.js";
import composePorts from "./rules/compose/ports.js";
import composeResourceLimits from "./rules/compose/resource-limits.js";
import depsLockfile from "./rules/deps/lockfile.js";
import depsNoPhantomDependencies from "./rules/deps/no-phantom-dependencies.js";
import depsPinnedRanges from "./rules/deps/pinned-ranges.js";
import dockerHealthcheck from "./rules/docker/healthcheck.js";
import dockerMultiStage from "./rules/docker/multi-stage.js";
import dockerNoSecretEnv from "./rules/docker/no-secret-env.js";
import dockerNonRootUser from "./rules/docker/non-root-user.js";
import dockerPinnedBaseImage from "./rules/docker/pinned-base-image.js";
import docsChangelogDates from "./rules/docs/changelog-dates.js";
import docsLinksResolve from "./rules/docs/links-resolve.js";
import packageValidSemver from "./rules/package/valid-semver.js";
import protectCanonicalDocs from "./rules/protect/canonical-docs.js";
import protectProtectedPaths from "./rules/protect/protected-paths.js";
import scriptsHelp from "./rules/scripts/help.js";
import scriptsLocation from "./rules/scripts/location.js";
import scriptsShellStrict from "./rules/scripts/shell-strict.js";
import scriptsShellcheck from "./rules/scripts/shellcheck.js";
import wasteUnusedDependencies from "./rules/waste/unused-dependencies.js";
import wasteUnusedExports from "./rules/waste/unused-exports.js";
import wasteUnusedFiles from "./rules/waste/unused-files.js";
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
  changesApiBreakMajor,
  changesChangesetRequired,
  changesChangesetWaived,
  codeNoDuplicateBlocks,
  commitsConventional,
  composeHealthcheck,
  composePorts,
  composeResourceLimits,
  depsLockfile,
  depsNoPhantomDependencies,
  depsPinnedRanges,
  dockerHealthcheck,
  dockerMultiStage,
  dockerNoSecretEnv,
  dockerNonRootUser,
  dockerPinnedBaseImage,
  docsAdrValid,
  docsChangelogDates,
  docsLinksResolve,
  packageValidSemver,
  protectCanonicalDocs,
  protectProtectedPaths,
  scriptsHelp,
  scriptsLocation,
  scriptsShellStrict,
  scriptsShellcheck,
  wasteUnusedDependencies,
  wasteUnusedExports,
  wasteUnusedFiles,
].sort((a, b) => (a.id < b.id ? -1 : 1)) as readonly Rule[];
