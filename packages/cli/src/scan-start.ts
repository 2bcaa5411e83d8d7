import { aliasConfigImport, installRedactor } from "@warden/core";
import { createOutputRedactor } from "@warden/secrets";
import { processIo } from "./io.js";
import { newProgram, ownEntry, runCommandLine } from "./program.js";
import type { PrestartedGit } from "./commands/scan.js";
import { addScanCommand } from "./scan-command.js";

/**
 * `warden scan`'s own start, a bundle of its own (dist/scan.cjs) that bin/warden.js loads instead
 * of the CLI: the scan command and what it runs, nothing of the other commands. One CommonJS file,
 * so bin/scan-start.js can keep V8's compiled code for it between runs (docs/secrets/README.md).
 * Same options, output, errors and exit codes as `warden scan` in the full CLI. `prestarted`: the
 * git commands bin/scan-start.js began before loading this bundle (see PrestartedGit).
 */
export async function scanMain(argv: readonly string[], prestarted?: PrestartedGit): Promise<number> {
  // Config files import "@warden/cli": resolve it to the running CLI, installed beside the config or not.
  aliasConfigImport("@warden/cli", ownEntry());
  return runCommandLine(
    argv,
    processIo(),
    async () => installRedactor(createOutputRedactor()),
    (io) => {
      const program = newProgram(io);
      addScanCommand(program, io, prestarted);
      return program;
    },
  );
}
