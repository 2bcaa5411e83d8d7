#!/usr/bin/env node
// Prints "tests: N passed, M failed" from a vitest JSON report (the real run's counts).
import { readFileSync } from "node:fs";

const file = process.argv[2];
if (file === undefined || file === "--help") {
  process.stdout.write("usage: node scripts/ci/test-summary.mjs <vitest-json-report>\n");
  process.exit(file === undefined ? 2 : 0);
}
let report;
try {
  report = JSON.parse(readFileSync(file, "utf8"));
} catch (error) {
  process.stderr.write(`test-summary: cannot read ${file}: ${error.message}\n`);
  process.exit(2);
}
const passed = report.numPassedTests ?? 0;
const failedTests = report.numFailedTests ?? 0;
// A test file that fails to load has no failed tests but must still count as a failure.
const failed = failedTests > 0 ? failedTests : (report.numFailedTestSuites ?? 0);
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
process.stdout.write(`tests: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}\n`);
