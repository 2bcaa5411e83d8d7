import type { Command } from "commander";
import type { Format } from "@warden/core";
import type { Io } from "./io.js";
import type { PrestartedGit } from "./commands/scan.js";
import { ExitSignal, formatOption } from "./program.js";

/** Add `warden scan` to `program` (the full CLI's, and the scan-only one of dist/scan.cjs, with the git commands its start began; see scan-start.ts). */
export function addScanCommand(program: Command, io: Io, prestarted?: PrestartedGit): void {
  program
    .command("scan")
    .description("Scan for secrets: the work tree (default), the git index, a commit range, or history.")
    .argument("[paths...]", "files or folders to scan (default: the whole repository); with --history: refs (default: all)")
    .option("--staged", "scan the content staged in the git index (what will be committed)")
    .option("--range <A..B>", "scan the lines added by the commits in A..B, each finding naming its commit")
    .option("--history", "scan every commit reachable from the given refs (default: all refs)")
    .option("--update-baseline", "write the fingerprints of today's findings to the secrets baseline (the config key secrets.baseline, default .secrets-baseline.json) and exit 0")
    .option("--workers <n>", "worker threads scanning beside the main thread (0: none; default: on 2-3 cores a reading thread for 2,000+ files, from 4 cores cores - 1 workers (up to 4) for large scans, none on a machine busy on every core)")
    .option("--verify", "ask each vendor's read-only API whether found credentials are live (GitHub, GitLab, Slack, Stripe, OpenAI, npm); off by default, never in hooks")
    .option("-c, --config <file>", "config file (default: warden.config.* at the repository root)")
    .addOption(formatOption())
    .addHelpText(
      "after",
      "\nSecrets are never printed whole: every format shows them redacted, with a fingerprint.\nExit codes: 0 no secrets, 1 secrets found, 2 usage, config or git error.\nExamples:\n  warden scan\n  warden scan --staged\n  warden scan --range origin/main..HEAD --format github\n  warden scan --history --format sarif > secrets.sarif\nDocs: docs/secrets/README.md",
    )
    .action(async (paths: string[], opts: { staged?: boolean; range?: string; history?: boolean; updateBaseline?: boolean; workers?: string; verify?: boolean; config?: string; format: Format }) => {
      const { scanCommand } = await import("./commands/scan.js");
      const { WardenError } = await import("@warden/core");
      const chosen = [opts.staged === true, opts.range !== undefined, opts.history === true].filter(Boolean).length;
      if (chosen > 1) throw new WardenError("USAGE", "choose one of --staged, --range A..B or --history");
      const { parseWorkers } = await import("./workers-option.js");
      const workers = opts.workers === undefined ? undefined : parseWorkers(opts.workers);
      if ((opts.staged === true || opts.range !== undefined) && paths.length > 0) {
        throw new WardenError("USAGE", "paths cannot be combined with --staged or --range");
      }
      const target = opts.staged
        ? ({ kind: "staged" } as const)
        : opts.range !== undefined
          ? ({ kind: "range", range: opts.range } as const)
          : opts.history
            ? ({ kind: "history", refs: paths } as const)
            : ({ kind: "paths", paths } as const);
      throw new ExitSignal(
        await scanCommand(io, {
          target,
          format: opts.format,
          updateBaseline: opts.updateBaseline === true,
          verify: opts.verify === true,
          ...(workers === undefined ? {} : { workers }),
          ...(opts.config === undefined ? {} : { config: opts.config }),
          ...(prestarted === undefined ? {} : { prestarted }),
        }),
      );
    });
}
