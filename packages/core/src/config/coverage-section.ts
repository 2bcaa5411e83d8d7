import { z } from "zod";

/** The coverage figures `warden coverage` can hold packages to. */
export const COVERAGE_METRICS = ["lines", "statements", "branches", "functions"] as const;
export type CoverageMetric = (typeof COVERAGE_METRICS)[number];

const Percent = z.number().min(0).max(100);

/** Settings of `warden coverage`: the per-package test coverage gate. */
export const CoverageSchema = z
  .object({
    min: Percent.default(80).describe("Minimum coverage of each workspace package, in percent."),
    metric: z.enum(COVERAGE_METRICS).default("lines").describe("The figure held to the minimum."),
    reports: z
      .array(z.string().min(1))
      .default(["coverage/coverage-summary.json", "coverage/lcov.info"])
      .describe("Report files looked for in each package folder and at the repository root (istanbul json-summary or lcov); a root report's files count for the package that holds them."),
    packages: z.record(z.string(), Percent).default({}).describe("Per-package minimum by package name, overriding `min`."),
    exclude: z.array(z.string().min(1)).default([]).describe("Package names (or folders) held to no minimum, e.g. examples and test utilities."),
  })
  .strict()
  .default({ min: 80, metric: "lines", reports: ["coverage/coverage-summary.json", "coverage/lcov.info"], packages: {}, exclude: [] });

/** The validated `coverage` section. */
export type CoverageSettings = z.output<typeof CoverageSchema>;
