import { loadConfig, repoRoot, WardenError } from "@warden/core";
import type { Io } from "../io.js";

/** Options shared by the `warden secrets` subcommands. */
export interface SecretsOptions {
  readonly env?: string;
  readonly json?: boolean;
  readonly reencrypt?: boolean;
  readonly newKeyFile?: string;
  readonly task?: string;
  readonly only?: readonly string[];
  readonly mask?: boolean;
  readonly config?: string;
}

/** `warden secrets init|set|list|rm|rotate|import|run|audit`: the vault (docs/secrets/vault.md). Values never reach the output. */
export async function secretsCommand(io: Io, action: string, args: readonly string[], options: SecretsOptions): Promise<number> {
  const vault = await import("@warden/vault");
  const root = await repoRoot(io.cwd);
  const envName = options.env ?? vault.DEFAULT_ENV;
  switch (action) {
    case "init": {
      const made = vault.initVault(root);
      io.stdout.write(`created ${made.file}${made.keyFile === undefined ? " (key from WARDEN_MASTER_KEY)" : `; master key in ${made.keyFile} — back it up, never commit it`}\n`);
      return 0;
    }
    case "set": {
      const [name] = args;
      if (name === undefined) throw new WardenError("USAGE", "secrets set NAME: the name is missing");
      const value = (await io.readStdin()).replace(/\r?\n$/, "");
      const changed = vault.setSecret(root, envName, name, value);
      io.stdout.write(`${changed ? "set" : "unchanged"} ${name} (${envName})\n`);
      return 0;
    }
    case "rm": {
      const [name] = args;
      if (name === undefined) throw new WardenError("USAGE", "secrets rm NAME: the name is missing");
      vault.removeSecret(root, envName, name);
      io.stdout.write(`removed ${name} (${envName})\n`);
      return 0;
    }
    case "list": {
      const listed = vault.listSecrets(root);
      if (options.json === true) io.stdout.write(`${JSON.stringify(listed, null, 2)}\n`);
      else if (listed.length === 0) io.stdout.write("the vault holds no secrets (add one: printf %s VALUE | warden secrets set NAME)\n");
      else for (const { env, names } of listed) io.stdout.write(`${env}: ${names.join(", ")}\n`);
      return 0;
    }
    case "import": {
      const [file] = args;
      if (file === undefined) throw new WardenError("USAGE", "secrets import FILE: the .env file is missing");
      const names = vault.importDotenv(root, file, envName);
      io.stdout.write(`imported ${names.length} secret${names.length === 1 ? "" : "s"} into ${envName} (${names.join(", ")}); removed ${file}\n`);
      return 0;
    }
    case "rotate": {
      const result = vault.rotateSecrets(root, options.reencrypt === true, options.newKeyFile === undefined ? {} : { newKeyFile: options.newKeyFile });
      io.stdout.write(`rotated: every data key ${options.reencrypt === true ? "and value sealed anew" : "re-wrapped"}; the new master key is in ${result.keyFile}\n`);
      return 0;
    }
    case "run": {
      const [command, ...rest] = args;
      if (command === undefined) throw new WardenError("USAGE", "secrets run --task NAME -- COMMAND [ARGS…]: the command is missing");
      if (options.task === undefined) throw new WardenError("USAGE", "secrets run: --task NAME is required (the grant in secrets.grants)");
      // Taken before the config loads: a config changed meanwhile leaves a stale snapshot, never a wrong one.
      const grantsFrom = vault.grantsSource(root, options.config);
      const { config } = await loadConfig(root, options.config);
      // Writes the grants snapshot the next run starts from without loading the CLI (bin/warden.js).
      const plan = vault.planRun(root, {
        task: options.task,
        grants: config.secrets.grants,
        grantsFrom,
        ...(options.env === undefined ? {} : { env: options.env }),
        ...(options.only === undefined ? {} : { only: options.only }),
      });
      return vault.runWithSecrets(plan, command, rest, { stdout: process.stdout, stderr: process.stderr }, { cwd: io.cwd, mask: options.mask !== false });
    }
    case "audit": {
      const [verb] = args;
      if (verb === "verify") {
        const verdict = vault.verifySecretsAudit(root);
        if (options.json === true) io.stdout.write(`${JSON.stringify(verdict)}\n`);
        else if (verdict.ok) io.stdout.write(`✔ audit chain intact (${verdict.entries} entr${verdict.entries === 1 ? "y" : "ies"}, anchored)\n`);
        else io.stderr.write(`✖ audit chain broken at entry ${verdict.firstBad}: ${verdict.reason}\n`);
        return verdict.ok ? 0 : 1;
      }
      if (verb !== undefined) throw new WardenError("USAGE", `secrets audit ${verb}: expected nothing or "verify"`);
      const entries = vault.readAudit(root);
      if (options.json === true) io.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
      else
        for (const e of entries) {
          io.stdout.write(`${e.seq}\t${e.at}\t${e.action}\t${e.outcome}\t${e.task ?? "-"}\t${e.env ?? "-"}\t${e.names.join(",") || "-"}\t${e.caller}${e.reason === undefined ? "" : `\t${e.reason}`}\n`);
        }
      return 0;
    }
    default:
      throw new WardenError("USAGE", `secrets ${action}: expected init, set, list, rm, rotate, import, run or audit`);
  }
}
