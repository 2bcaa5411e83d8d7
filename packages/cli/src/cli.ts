import { Argument, Option, type Command } from "commander";
import { aliasConfigImport, CONSERVATIVE_REDACTOR, installRedactor, type Format, type Redactor } from "@warden/core";
import { processIo, type Io } from "./io.js";
import { ExitSignal, formatOption, newProgram, ownEntry, runCommandLine } from "./program.js";
import { addScanCommand } from "./scan-command.js";
import { VERSION } from "./version.js";

export { oneLineUsageError } from "./program.js";

/** Build the commander program; every action throws ExitSignal with its exit code. */
export function buildProgram(io: Io): Command {
  const program = newProgram(io)
    .description("Enforce your team's written engineering rules on every commit, push, CI run and deploy.")
    .version(VERSION, "-v, --version");

  program
    .command("check")
    .description("Check files against the rules (the whole repository by default).")
    .argument("[paths...]", "files or folders to check (default: the whole repository)")
    .option("--staged", "check the content staged in the git index (what will be committed)")
    .option("--since <ref>", "check files changed since a git ref (committed or not)")
    .option("--range <A..B>", "check the commits of A..B: the files they change and their messages (CI, pre-push)")
    .option("--shard <i/n>", "check shard i of n of a full check (deterministic split for a CI matrix; merge with `warden report merge`)")
    .option("--no-cache", "do not read or write the result cache (node_modules/.cache/warden, or .git/warden/cache without node_modules)")
    .option("--no-baseline", "report findings recorded in .warden-baseline too")
    .option("--workers <n>", "worker threads for the file rules of a full check of 1500+ files (default: CPUs - 1 from 4 CPUs, else 0: in-process)")
    .option("-c, --config <file>", "config file (default: warden.config.* at the repository root)")
    .addOption(formatOption())
    .addHelpText(
      "after",
      "\nExit codes: 0 no errors, 1 errors found, 2 usage or config error.\nExamples:\n  warden check\n  warden check --staged\n  warden check --since origin/main --format github\n  warden check --range origin/main..HEAD\n  warden check --shard 2/4 --format json > shard-2.json\n  warden check packages/core --format sarif > warden.sarif",
    )
    .action(
      async (
        paths: string[],
        opts: { staged?: boolean; since?: string; range?: string; shard?: string; cache: boolean; baseline: boolean; workers?: string; config?: string; format: Format },
      ) => {
        const { checkCommand, parseShard } = await import("./commands/check.js");
        const { parseWorkers } = await import("./workers-option.js");
        const { WardenError } = await import("@warden/core");
        const chosen = [opts.staged === true, opts.since !== undefined, opts.range !== undefined, paths.length > 0].filter(Boolean).length;
        if (chosen > 1) throw new WardenError("USAGE", "choose one of --staged, --since REF, --range A..B or paths");
        const range = opts.range === undefined ? undefined : /^(.+?)\.\.(.+)$/.exec(opts.range);
        if (opts.range !== undefined && range === null) throw new WardenError("USAGE", `--range ${opts.range}: expected A..B, e.g. origin/main..HEAD`);
        const target = opts.staged
          ? ({ kind: "staged" } as const)
          : opts.since !== undefined
            ? ({ kind: "since", ref: opts.since } as const)
            : range !== undefined && range !== null
              ? ({ kind: "range", base: range[1], head: range[2] ?? "HEAD" } as const)
              : ({ kind: "paths", paths } as const);
        throw new ExitSignal(
          await checkCommand(io, {
            target,
            format: opts.format,
            cache: opts.cache,
            baseline: opts.baseline,
            ...(opts.shard === undefined ? {} : { shard: parseShard(opts.shard) }),
            ...(opts.workers === undefined ? {} : { workers: parseWorkers(opts.workers) }),
            ...(opts.config === undefined ? {} : { config: opts.config }),
            // A range checked from the command line (CI) says when its commits got past the hooks.
            ...(target.kind === "range" ? { reportBypass: true } : {}),
          }),
        );
      },
    );

  program
    .command("baseline")
    .description("Record today's findings in .warden-baseline so only new ones block (the baseline may only shrink).")
    .option("--update", "drop entries that no longer occur (never adds)")
    .option("--check", "CI gate: exit 1 when the baseline has entries the one at --base does not")
    .option("--base <ref>", "with --check: the commit to compare with (e.g. origin/main)")
    .option("-c, --config <file>", "config file (default: warden.config.* at the repository root)")
    .addHelpText(
      "after",
      "\nExit codes: 0 done (or did not grow), 1 the baseline grew, 2 usage error or a corrupt baseline.\nExamples:\n  warden baseline\n  warden baseline --update\n  warden baseline --check --base origin/main",
    )
    .action(async (opts: { update?: boolean; check?: boolean; base?: string; config?: string }) => {
      const { baselineCommand } = await import("./commands/baseline.js");
      throw new ExitSignal(
        await baselineCommand(io, {
          update: opts.update === true,
          check: opts.check === true,
          ...(opts.base === undefined ? {} : { base: opts.base }),
          ...(opts.config === undefined ? {} : { config: opts.config }),
        }),
      );
    });

  program
    .command("report")
    .description("Work with JSON reports: `report merge` joins the shards of a split check.")
    .command("merge")
    .description("Merge JSON reports of `warden check --shard i/n --format json` into one report.")
    .argument("<files...>", "the JSON reports to merge")
    .addOption(formatOption())
    .addHelpText("after", "\nExit codes: 0 no errors, 1 errors found, 2 unreadable or invalid report.\nExample:\n  warden report merge shard-*.json --format github")
    .action(async (files: string[], opts: { format: Format }) => {
      const { reportMergeCommand } = await import("./commands/report.js");
      throw new ExitSignal(await reportMergeCommand(io, files, opts.format));
    });

  const ci = program.command("ci").description("CI integrations: `ci report` publishes check and scan results to GitHub; `ci run` and `ci record` record CI runs for the delivery metrics.");
  ci
    .command("run")
    .description("Run a command, time it and record the run (success or failure) in .warden/events/ci.jsonl for `warden metrics`; exits with the command's exit code.")
    .argument("<command...>", "the command and its arguments, after --")
    .option("--name <name>", "the run's name (a job or step)", "ci")
    .option("--test", "this run is the test suite: its duration is the test execution time")
    .addHelpText("after", "\nThe command line itself is never recorded (it may hold secrets): only name, status, duration, commit and exit code.\nExamples:\n  warden ci run --name test --test -- pnpm test\n  warden ci run --name build -- pnpm build\nDocs: docs/guides/delivery-metrics.md")
    .action(async (command: string[], opts: { name?: string; test?: boolean }) => {
      const { ciRunCommand } = await import("./commands/ci-runs.js");
      throw new ExitSignal(await ciRunCommand(io, command, opts));
    });
  ci
    .command("record")
    .description("Record a CI run measured elsewhere in .warden/events/ci.jsonl for `warden metrics`.")
    .option("--name <name>", "the run's name (a job or step)", "ci")
    .option("--status <status>", "success or failure")
    .option("--duration-ms <ms>", "how long it took, in milliseconds")
    .option("--test", "this run is the test suite: its duration is the test execution time")
    .addHelpText("after", "\nExample:\n  warden ci record --name test --test --status success --duration-ms 312000\nDocs: docs/guides/delivery-metrics.md")
    .action(async (opts: { name?: string; status?: string; durationMs?: string; test?: boolean }) => {
      const { ciRecordCommand } = await import("./commands/ci-runs.js");
      throw new ExitSignal(await ciRecordCommand(io, opts));
    });
  ci
    .command("report")
    .description("Publish findings to GitHub: a check run per tool with annotations, one pull-request comment, SARIF to code scanning (job summary + artifact when the token cannot write).")
    .argument("[reports...]", "JSON reports of `warden check --format json` / `warden scan --format json`")
    .option("--run <tools>", "run these tools here instead of reading reports: check, scan or check,scan")
    .option("--artifact-dir <dir>", "where report.md, findings.json and <tool>.sarif are written (upload it with actions/upload-artifact)", "warden-report")
    .option("-c, --config <file>", "config file (default: warden.config.* at the repository root)")
    .addHelpText(
      "after",
      "\nReads GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_REF, GITHUB_TOKEN, GITHUB_API_URL, GITHUB_EVENT_PATH, GITHUB_RUN_ID\nand GITHUB_STEP_SUMMARY. Secrets are redacted in everything sent or written.\nExit codes: 0 no errors, 1 errors found (never for GitHub refusing a request), 2 usage error or unreadable report.\nExamples:\n  warden ci report --run check,scan\n  warden ci report check.json scan.json\nDocs: docs/guides/github.md",
    )
    .action(async (reports: string[], opts: { run?: string; artifactDir: string; config?: string }) => {
      const { ciReportCommand } = await import("./commands/ci.js");
      throw new ExitSignal(
        await ciReportCommand(io, {
          reports,
          artifactDir: opts.artifactDir,
          ...(opts.run === undefined ? {} : { run: opts.run.split(",") }),
          ...(opts.config === undefined ? {} : { config: opts.config }),
        }),
      );
    });

  addScanCommand(program, io);

  program
    .command("audit")
    .description("Dependency audit: ask the registry for advisories on every package the root lockfile resolves; fail at or above the configured severity.")
    .option("--severity <level>", "fail at or above this severity: info, low, moderate, high, critical (default: audit.severity, high)")
    .option("-f, --format <format>", "output format: pretty or json", "pretty")
    .option("-c, --config <file>", "config file (default: warden.config.* at the repository root)")
    .addHelpText(
      "after",
      "\nReads pnpm-lock.yaml, package-lock.json, npm-shrinkwrap.json, yarn.lock (classic and berry) or bun.lock at the repository root and POSTs the locked names and versions (nothing else) to the registry's /-/npm/v1/security/advisories/bulk endpoint. It needs the network: not a hook, a CI or deploy gate.\nExit codes: 0 nothing at or above the threshold, 1 advisories at or above it, 2 usage, config, lockfile or network error.\nDocs: docs/guides/dependency-audit.md\nExamples:\n  warden audit\n  warden audit --severity critical\n  warden audit --format json > audit.json",
    )
    .action(async (opts: { severity?: string; format?: string; config?: string }) => {
      const { auditCommand } = await import("./commands/audit.js");
      throw new ExitSignal(await auditCommand(io, opts));
    });

  program
    .command("coverage")
    .description("Coverage gate: hold each workspace package to its minimum test coverage, from the istanbul json-summary or lcov reports the test run wrote.")
    .option("--min <percent>", "minimum for every package (default: coverage.min, 80)")
    .option("--metric <metric>", "lines, statements, branches or functions (default: coverage.metric, lines)")
    .option("-f, --format <format>", "output format: pretty or json", "pretty")
    .option("-c, --config <file>", "config file (default: warden.config.* at the repository root)")
    .addHelpText(
      "after",
      "\nRun the tests with coverage first (vitest: --coverage --coverage.reporter=json-summary; jest: --coverage --coverageReporters=json-summary; any lcov report works). Reports at the root count per package by the files they list.\nExit codes: 0 every package at or above its minimum, 1 a package below it or without coverage data, 2 usage, config or unreadable report.\nDocs: docs/guides/coverage.md\nExamples:\n  warden coverage\n  warden coverage --min 90 --metric branches",
    )
    .action(async (opts: { min?: string; metric?: string; format?: string; config?: string }) => {
      const { coverageCommand } = await import("./commands/coverage.js");
      throw new ExitSignal(await coverageCommand(io, opts));
    });

  program
    .command("rules")
    .description("Show every written rule with the checks that enforce it and their state in this config, or why it is not machine-checkable.")
    .option("--json", "machine-readable output, with every message and the written rules")
    .addOption(
      new Option("--format <format>", "text; markdown writes docs/rules/README.md; agents writes the rules-and-checks section of the agent file")
        .choices(["text", "markdown", "agents"])
        .default("text"),
    )
    .option("--out <file>", "with --format agents: the agent file to write (default: writtenRules.source, else AGENTS.md)")
    .option("--check", "with --format markdown or agents: exit 1 when the file is out of date, change nothing")
    .addHelpText(
      "after",
      "\nWith `writtenRules: { source: \"AGENTS.md\" }` in the config, the team's own numbered or headed rules are shown\n(checked, partly checked, not checked or not checkable) and findings cite them. Docs: docs/guides/agents.md\nExit codes: 0 shown or written, 1 out of date (--check), 2 usage or config error.\nExamples:\n  warden rules\n  warden rules --json\n  warden rules --format agents --check",
    )
    .action(async (opts: { json?: boolean; format: "text" | "markdown" | "agents"; check?: boolean; out?: string }) => {
      const { rulesCommand } = await import("./commands/rules.js");
      throw new ExitSignal(
        await rulesCommand(io, { json: opts.json === true, format: opts.format, check: opts.check === true, ...(opts.out === undefined ? {} : { out: opts.out }) }),
      );
    });

  program
    .command("files")
    .description("List the files Warden sees with their class (source, test, fixture, snapshot, generated, vendored, build, docs, config).")
    .argument("[paths...]", "files or folders to list (default: the whole repository)")
    .option("--class <class>", "show only files of this class")
    .option("--json", "machine-readable output: { files: [{ path, class, reason }] }")
    .option("-c, --config <file>", "config file (default: warden.config.* at the repository root)")
    .addHelpText(
      "after",
      "\nGenerated files are found by location and by a header in their first 1 KiB (@generated, DO NOT EDIT,\n`Code generated … DO NOT EDIT.`); fixtures by location (fixtures/, __fixtures__/, testdata/).\nBy default no rule judges fixture, snapshot, generated, vendored or build files (config `files.skip`);\n`files.classes` reclassifies paths by glob. Docs: docs/reference/cli.md\nExit codes: 0 listed, 2 usage or config error.\nExamples:\n  warden files --class generated\n  warden files packages/app --json",
    )
    .action(async (paths: string[], opts: { class?: string; json?: boolean; config?: string }) => {
      const { filesCommand } = await import("./commands/files.js");
      throw new ExitSignal(
        await filesCommand(io, {
          paths,
          json: opts.json === true,
          ...(opts.class === undefined ? {} : { class: opts.class }),
          ...(opts.config === undefined ? {} : { config: opts.config }),
        }),
      );
    });

  program
    .command("api")
    .description("Show the public API difference of the workspace packages between a git ref and the work tree: breaking or additive.")
    .argument("[packages...]", "package folders or names (default: every workspace package)")
    .option("--base <ref>", "the state to compare against", "HEAD")
    .option("--head <ref>", "compare this commit instead of the work tree")
    .option("--json", "machine-readable output")
    .option("--write", "write <package>/api.json snapshots of the head surface (for API review diffs) instead of comparing")
    .addOption(new Option("--zero-major <bump>", "the bump a break needs in a 0.x package").choices(["minor", "major"]))
    .addHelpText("after", "\nExit codes: 0 done (the gate is the changes/api-break-major rule), 2 usage error.\nExamples:\n  warden api --base origin/main\n  warden api packages/core --json")
    .action(async (packages: string[], opts: { base: string; head?: string; json?: boolean; write?: boolean; zeroMajor?: "minor" | "major" }) => {
      const { apiCommand } = await import("./commands/changes.js");
      throw new ExitSignal(await apiCommand(io, packages, opts));
    });

  const changelog = program.command("changelog").description("Date the release headings that `changeset version` writes (Warden's changesets formatter).");
  changelog
    .command("version")
    .description("Run `changeset version`, then write `Released YYYY-MM-DD (UTC)` under each new release heading.")
    .option("--date <YYYY-MM-DD>", "the release date (default: SOURCE_DATE_EPOCH, else today in UTC)")
    .action(async (opts: { date?: string }) => {
      const { changelogCommand } = await import("./commands/changes.js");
      throw new ExitSignal(await changelogCommand(io, "version", opts));
    });
  changelog
    .command("stamp")
    .description("Write the date line under each release heading that is new since HEAD and has none.")
    .option("--date <YYYY-MM-DD>", "the release date (default: SOURCE_DATE_EPOCH, else today in UTC)")
    .action(async (opts: { date?: string }) => {
      const { changelogCommand } = await import("./commands/changes.js");
      throw new ExitSignal(await changelogCommand(io, "stamp", opts));
    });

  const adr = program.command("adr").description("Architecture decision records in docs/adr: new, list, supersede, index, migrate.");
  const adrAction =
    (action: string) =>
    async (args: string[] | undefined, opts: { json?: boolean; check?: boolean; status?: string; decisionMaker?: string[]; date?: string }): Promise<never> => {
      const { adrCommand } = await import("./commands/changes.js");
      throw new ExitSignal(
        await adrCommand(io, action, args ?? [], {
          ...(opts.json === undefined ? {} : { json: opts.json }),
          ...(opts.check === undefined ? {} : { check: opts.check }),
          ...(opts.status === undefined ? {} : { status: opts.status }),
          ...(opts.decisionMaker === undefined ? {} : { decisionMakers: opts.decisionMaker }),
          ...(opts.date === undefined ? {} : { date: opts.date }),
        }),
      );
    };
  adr
    .command("new")
    .description("Write the next record (status proposed) and update the index.")
    .argument("<title...>", "the decision's title")
    .option("--status <status>", "proposed | accepted | deprecated | superseded", "proposed")
    .option("--decision-maker <name...>", "who decided")
    .option("--date <YYYY-MM-DD>", "the record's date (default: today in UTC)")
    .action(adrAction("new"));
  adr
    .command("list")
    .description("List the records: number, status, date, title.")
    .option("--json", "number, title, status, context, decision and consequences of each record")
    .action((opts: { json?: boolean }) => adrAction("list")([], opts));
  adr
    .command("supersede")
    .description("Write a new record that supersedes record N: both links at once, N's status set to superseded.")
    .argument("<args...>", 'N "Title"')
    .option("--decision-maker <name...>", "who decided")
    .option("--date <YYYY-MM-DD>", "the record's date (default: today in UTC)")
    .action(adrAction("supersede"));
  adr
    .command("index")
    .description("Regenerate the index between the markers in docs/adr/README.md.")
    .option("--check", "exit 1 when the index is out of date, change nothing")
    .action((opts: { check?: boolean }) => adrAction("index")([], opts));
  adr
    .command("migrate")
    .description("Convert records written with `- Status:` / `- Date:` lines to front matter.")
    .action(() => adrAction("migrate")([], {}));

  const secrets = program.command("secrets").description("The vault: encrypted secrets committed per value, per-task grants, `run` with masked output, an audit chain (docs/secrets/vault.md).");
  const secretsAction =
    (action: string) =>
    async (args: string[] | string | undefined, opts: { env?: string; json?: boolean; reencrypt?: boolean; newKeyFile?: string; task?: string; only?: string; mask?: boolean; config?: string }): Promise<never> => {
      const { secretsCommand } = await import("./commands/secrets.js");
      const list = args === undefined ? [] : Array.isArray(args) ? args : [args];
      throw new ExitSignal(
        await secretsCommand(io, action, list, {
          ...(opts.env === undefined ? {} : { env: opts.env }),
          ...(opts.json === undefined ? {} : { json: opts.json }),
          ...(opts.reencrypt === undefined ? {} : { reencrypt: opts.reencrypt }),
          ...(opts.newKeyFile === undefined ? {} : { newKeyFile: opts.newKeyFile }),
          ...(opts.task === undefined ? {} : { task: opts.task }),
          ...(opts.only === undefined ? {} : { only: opts.only.split(",").map((n) => n.trim()).filter((n) => n !== "") }),
          ...(opts.mask === undefined ? {} : { mask: opts.mask }),
          ...(opts.config === undefined ? {} : { config: opts.config }),
        }),
      );
    };
  const envOption = (): Option => new Option("--env <env>", "vault environment (default: default)");
  secrets.command("init").description("Create .warden-vault and a master key outside the repository (or use WARDEN_MASTER_KEY).").action(() => secretsAction("init")([], {}));
  secrets
    .command("set")
    .description("Set a secret from standard input (never from the command line): printf %s \"$VALUE\" | warden secrets set NAME")
    .argument("<name>", "the secret's name (an environment variable name)")
    .addOption(envOption())
    .action((name: string, opts: { env?: string }) => secretsAction("set")([name], opts));
  secrets.command("list").description("List secret names per environment (never values).").option("--json", "machine-readable output").action((opts: { json?: boolean }) => secretsAction("list")([], opts));
  secrets.command("rm").description("Remove a secret.").argument("<name>").addOption(envOption()).action((name: string, opts: { env?: string }) => secretsAction("rm")([name], opts));
  secrets
    .command("rotate")
    .description("New master key: every data key re-wrapped (--reencrypt: new data keys, every value sealed again); no value lost.")
    .option("--reencrypt", "also draw new data keys and seal every value again")
    .option("--new-key-file <path>", "where to write the new key when the current one comes from WARDEN_MASTER_KEY (outside the repository)")
    .action((opts: { reencrypt?: boolean; newKeyFile?: string }) => secretsAction("rotate")([], opts));
  secrets
    .command("import")
    .description("Move a .env file into the vault, then delete the file.")
    .argument("<file>", "the .env file")
    .addOption(envOption())
    .action((file: string, opts: { env?: string }) => secretsAction("import")([file], opts));
  secrets
    .command("run")
    .description("Run a command with exactly the secrets granted to --task in its environment, their values masked in its output.")
    .requiredOption("--task <name>", "the task whose grant applies (secrets.grants in the config)")
    .addOption(envOption())
    .option("--only <names>", "comma-separated subset of the granted names")
    .option("--no-mask", "do not mask the values in the command's output")
    .option("-c, --config <file>", "config file (default: warden.config.* at the repository root)")
    .argument("<command...>", "the command and its arguments, after --")
    .addHelpText("after", '\nExit code: the command\'s, or 2 when the request is refused (logged in the audit chain).\nExample:\n  warden secrets run --task test -- pnpm test')
    .action((command: string[], opts: { task?: string; env?: string; only?: string; mask?: boolean; config?: string }) => secretsAction("run")(command, opts));
  secrets
    .command("audit")
    .description("Show the audit log, or verify its chain (`verify`): edited, inserted, deleted, reordered or truncated entries are named.")
    .argument("[verify]", "verify the chain with the key and the anchor")
    .option("--json", "machine-readable output")
    .action((verb: string | undefined, opts: { json?: boolean }) => secretsAction("audit")(verb === undefined ? [] : [verb], opts));

  program
    .command("mcp")
    .description("Serve Warden to coding agents over the Model Context Protocol (stdio): read-only tools check, scan_secrets, rules, explain, status.")
    .addHelpText("after", '\nEvery tool takes the repository root explicitly. Client config, e.g. .mcp.json:\n  { "mcpServers": { "warden": { "command": "npx", "args": ["warden", "mcp"] } } }')
    .action(async () => {
      const { mcpCommand } = await import("./commands/mcp.js");
      throw new ExitSignal(await mcpCommand());
    });

  program
    .command("metrics")
    .description("Delivery metrics (the five DORA figures) from the deploy event log, each with its target and the events it came from.")
    .option("--env <env>", "one environment (default: all)")
    .option("--since <date>", "start of the window: YYYY-MM-DD (UTC) or a number of days like 7d (default: 30d)")
    .option("--json", "machine-readable output")
    .option("--no-github", "do not read CI runs and reviews from GitHub even when GITHUB_TOKEN and GITHUB_REPOSITORY are set")
    .addHelpText("after", "\nBuild success rate and test execution time come from GitHub Actions when GITHUB_TOKEN and GITHUB_REPOSITORY are set\n(GITHUB_API_URL for GitHub Enterprise Server), else from the runs `warden ci run` recorded; code review time needs GitHub.\nFormulas: docs/guides/delivery-metrics.md")
    .action(async (opts: { env?: string; since?: string; json?: boolean; github?: boolean }) => {
      const { metricsCommand } = await import("./commands/metrics.js");
      throw new ExitSignal(await metricsCommand(io, opts));
    });

  program
    .command("plan")
    .description("Write the system plan from facts: environments, deploy history, migrations, endpoints, monitoring, quality metrics, inventory, diagrams.")
    .option("--check", "exit 1 with the reason when the plan file is stale; change nothing")
    .option("--code", "with --check: compare only what the code and the repository's files decide (endpoints, infrastructure, ADRs), so it runs on a checkout without the deploy event log, e.g. a pull request's CI")
    .option("--out <path>", "the plan file (default: plan.out, docs/system-plan.md)")
    .option("-c, --config <file>", "config file (default: warden.config.* at the repository root)")
    .addHelpText(
      "after",
      "\nHand-written text between <!-- warden:manual:start NAME --> and <!-- warden:manual:end NAME --> is kept.\nExit codes: 0 written or current, 1 stale (--check), 2 usage or config error.\nDocs: docs/guides/system-plan.md\nExamples:\n  warden plan\n  warden plan --check\n  warden plan --check --code   # in CI on a fresh checkout\n  warden plan --out docs/cas-system-imp-plan.md",
    )
    .action(async (opts: { check?: boolean; code?: boolean; out?: string; config?: string }) => {
      const { planCommand } = await import("./commands/plan.js");
      throw new ExitSignal(await planCommand(io, opts));
    });

  program
    .command("monitor")
    .description("Probe the live environment's health path and GET endpoints (its own address only), and record latency percentiles, error rate and availability as a monitor event.")
    .argument("<env>", "environment from deploy.environments")
    .option("--duration <time>", "how long to probe: 60s, 5s, 2m, 500ms", "60s")
    .option("--rate <n>", "requests per second across all paths (1–1000)", "10")
    .option("-c, --config <file>", "config file (default: warden.config.* at the repository root)")
    .addHelpText("after", "\nExit codes: 0 recorded and p95 under plan.monitor.latencyTargetMs with no errors, 1 recorded but the standard is not met, 2 usage or config error.\nDocs: docs/guides/system-plan.md\nExample:\n  warden monitor local --duration 5s")
    .action(async (env: string, opts: { duration?: string; rate?: string; config?: string }) => {
      const { monitorCommand } = await import("./commands/monitor.js");
      throw new ExitSignal(await monitorCommand(io, env, opts));
    });

  program
    .command("incident")
    .description("Record an incident linked to the deployment that caused it (counts in the change fail rate and recovery time).")
    .argument("<action>", "open | resolve")
    .argument("<env>", "environment")
    .option("--deploy <release>", "the release that caused it (see warden releases ENV)")
    .option("--id <id>", "incident id (default: the release)")
    .option("--note <text>", "a short note")
    .action(async (action: string, env: string, opts: { deploy?: string; id?: string; note?: string }) => {
      const { incidentCommand } = await import("./commands/metrics.js");
      throw new ExitSignal(await incidentCommand(io, action, env, opts));
    });

  program
    .command("init")
    .description("Wire Warden into this repository: dev dependencies, husky hooks (merged with yours), a fitted warden.config.ts, .changeset/, a baseline.")
    .option("--dry-run", "print what would change as a diff; write nothing")
    .option("-y, --yes", "write without asking, and record today's findings in a baseline so adoption starts green")
    .option("--install", "run the package manager's install after changing package.json (otherwise the command is printed)")
    .option("--no-baseline", "do not offer a baseline")
    .addOption(new Option("--ci <provider>", "also write the CI workflow with the standard's eight stages").choices(["github"]))
    .addHelpText(
      "after",
      "\nA second run changes nothing. Your hooks and prepare script are kept: Warden's lines are added to them.\nWith lefthook or pre-commit in charge of the hooks, init installs none and prints the lines to add there.\nExit codes: 0 done, 1 hooks not installed (another hook manager), 2 usage error.\nExamples:\n  warden init --dry-run\n  warden init --yes\n  warden init --ci github --yes\nDocs: docs/guides/adopting.md",
    )
    .action(async (opts: { dryRun?: boolean; yes?: boolean; install?: boolean; baseline: boolean; ci?: string }) => {
      const { initCommand } = await import("./commands/init.js");
      throw new ExitSignal(
        await initCommand(io, { dryRun: opts.dryRun === true, yes: opts.yes === true, install: opts.install === true, baseline: opts.baseline, ...(opts.ci === undefined ? {} : { ci: opts.ci }) }),
      );
    });

  program
    .command("doctor")
    .description("Prove each git hook reaches Warden as a GUI git client runs it (minimal PATH), and check hooksPath, husky, node, config and the warm server.")
    .option("--path <PATH>", "the PATH hooks are run with (default: /usr/bin:/bin:/usr/sbin:/sbin, what GUI clients give)")
    .addHelpText("after", "\nEvery problem comes with its fix. Exit codes: 0 all well, 1 a problem found, 2 usage error.\nExample:\n  warden doctor\nDocs: docs/guides/hooks.md")
    .action(async (opts: { path?: string }) => {
      const { doctorCommand } = await import("./commands/doctor.js");
      throw new ExitSignal(await doctorCommand(io, { ...(opts.path === undefined ? {} : { path: opts.path }) }));
    });

  program
    .command("hook")
    .description("Run a git hook (what .husky/* call): pre-commit, commit-msg or pre-push.")
    .argument("<name>", "pre-commit | commit-msg | pre-push")
    .argument("[args...]", "the arguments git gives the hook")
    .addOption(formatOption())
    .addHelpText(
      "after",
      '\nInstall in .husky/:\n  pre-commit: warden hook pre-commit\n  commit-msg: warden hook commit-msg "$1"\n  pre-push:   warden hook pre-push "$@"',
    )
    .action(async (name: string, args: string[], opts: { format: Format }) => {
      const { hookCommand } = await import("./commands/hook.js");
      throw new ExitSignal(await hookCommand(io, name, args, opts.format));
    });

  program
    .command("deploy")
    .description("Deploy an environment: gates, build, release, health-checked switch, automatic rollback.")
    .argument("[env]", "environment from deploy.environments (default: deploy.default)")
    .addOption(new Option("--strategy <strategy>", "override the configured strategy").choices(["blue-green", "rolling", "canary"]))
    .option("--dry-run", "print the plan and run nothing")
    .option("--allow-dirty", "deploy uncommitted changes to a production environment (preflight.checklist); the release is marked dirty")
    .option("--force-unlock", "remove a lock whose holder cannot be checked (another host or container); a lock of a dead deploy on this host is taken over by itself, with a warning")
    .option("--json", "print the result (outcome, release, events) as JSON")
    .option("-c, --config <file>", "config file (default: warden.config.* at the repository root)")
    .addHelpText(
      "after",
      "\nExit codes: 0 deployed, 1 failed gate / failed or rolled-back deploy / environment locked, 2 usage or config error.\nEvents: .warden/events/<env>.jsonl. Docs: docs/deploy/README.md\nExamples:\n  warden deploy\n  warden deploy staging --dry-run\n  warden deploy production --strategy canary",
    )
    .action(async (env: string | undefined, opts: { strategy?: "blue-green" | "rolling" | "canary"; dryRun?: boolean; allowDirty?: boolean; forceUnlock?: boolean; json?: boolean; config?: string }) => {
      const { deployCommand } = await import("./commands/deploy.js");
      throw new ExitSignal(await deployCommand(io, env, opts));
    });

  program
    .command("rollback")
    .description("Put a previous release of an environment back (health-checked before traffic moves).")
    .argument("<env>", "environment from deploy.environments")
    .option("--to <release>", "release id to go back to (default: the one before the live release; see warden releases)")
    .option("--force-unlock", "remove a lock whose holder cannot be checked (another host or container); a lock of a dead deploy on this host is taken over by itself, with a warning")
    .option("-c, --config <file>", "config file (default: warden.config.* at the repository root)")
    .action(async (env: string, opts: { to?: string; forceUnlock?: boolean; config?: string }) => {
      const { rollbackCommand } = await import("./commands/deploy.js");
      throw new ExitSignal(await rollbackCommand(io, env, opts));
    });

  program
    .command("releases")
    .description("List the releases of an environment, newest first, the live one marked with *.")
    .argument("<env>", "environment from deploy.environments")
    .option("--json", "machine-readable output")
    .option("-c, --config <file>", "config file (default: warden.config.* at the repository root)")
    .action(async (env: string, opts: { json?: boolean; config?: string }) => {
      const { releasesCommand } = await import("./commands/deploy.js");
      throw new ExitSignal(await releasesCommand(io, env, opts));
    });

  const server = program
    .command("server")
    .description("Inspect or stop the warm server that serves `check` and `hook pre-commit`.")
    .addHelpText(
      "after",
      "\nThe server starts on the first `check` or `hook pre-commit` and exits after 15 idle minutes; WARDEN_DAEMON=0 turns it off.\nExamples:\n  warden server status\n  warden server status --json\n  warden server stop",
    );
  server
    .command("status")
    .description("Show the warm server of this build: pid, socket, uptime, memory, requests, repositories served.")
    .option("--json", "machine-readable output")
    .addHelpText("after", "\nExit codes: 0 running, 1 not running.")
    .action(async (opts: { json?: boolean }) => {
      const { serverStatusCommand } = await import("./commands/server.js");
      throw new ExitSignal(await serverStatusCommand(io, opts));
    });
  server
    .command("stop")
    .description("Stop the warm server of this build (the next check starts a new one).")
    .addHelpText("after", "\nExit codes: 0 stopped or not running.")
    .action(async () => {
      const { serverStopCommand } = await import("./commands/server.js");
      throw new ExitSignal(await serverStopCommand(io));
    });

  program
    .command("status")
    .description("Show an environment's live release, its instances and their health, the proxy, the lock and the last events (exit 1 when something is down).")
    .argument("<env>", "environment from deploy.environments")
    .option("--json", "machine-readable output")
    .option("-c, --config <file>", "config file (default: warden.config.* at the repository root)")
    .action(async (env: string, opts: { json?: boolean; config?: string }) => {
      const { statusCommand } = await import("./commands/deploy.js");
      throw new ExitSignal(await statusCommand(io, env, opts));
    });

  program
    .command("logs")
    .description("Print the logs of an environment's live release (or --release R) from its host; -f follows them until Ctrl-C.")
    .argument("<env>", "environment from deploy.environments (local and ssh targets)")
    .option("-f, --follow", "keep printing what the instances append")
    .option("--release <release>", "another release still kept on the host (see warden releases)")
    .option("-n, --lines <n>", "lines of each log to start with", "100")
    .option("--host <name>", "an environment with several hosts: this host only (default: every web host, each line prefixed with [host])")
    .option("-c, --config <file>", "config file (default: warden.config.* at the repository root)")
    .action(async (env: string, opts: { follow?: boolean; release?: string; lines: string; host?: string; config?: string }) => {
      const { logsCommand } = await import("./commands/deploy.js");
      throw new ExitSignal(await logsCommand(io, env, opts));
    });

  program
    .command("exec")
    .description("Run a command once on the host, in the live release's folder, with the release's environment (declared variables and granted secrets, masked in the output).")
    .argument("<env>", "environment from deploy.environments (local and ssh targets)")
    .argument("<command...>", "the command and its arguments, after --")
    .option("--host <name>", "an environment with several hosts: run on this host (default: the first web host)")
    .option("--all", "an environment with several hosts: run on every web host, one after the other, output prefixed with [host]")
    .option("-c, --config <file>", "config file (default: warden.config.* at the repository root)")
    .addHelpText("after", "\nThe command's standard input is closed (not interactive). Exit code: the command's (with --all: the first non-zero one); 2 usage error.\nExample:\n  warden exec production -- node scripts/migrate.mjs --status")
    .action(async (env: string, command: string[], opts: { host?: string; all?: boolean; config?: string }) => {
      const { execCommand } = await import("./commands/deploy.js");
      throw new ExitSignal(await execCommand(io, env, command, opts));
    });

  program
    .command("maintenance")
    .description("Turn an environment's maintenance mode on or off: the proxy answers every request with a 503 page and Retry-After.")
    .argument("<env>", "environment from deploy.environments (local and ssh targets)")
    .addArgument(new Argument("<mode>", "on or off").choices(["on", "off"]))
    .option("--retry-after <seconds>", "the Retry-After the 503 answers carry", "60")
    .option("--host <name>", "an environment with several hosts: this host's proxy only (default: every web host's)")
    .option("-c, --config <file>", "config file (default: warden.config.* at the repository root)")
    .action(async (env: string, mode: "on" | "off", opts: { retryAfter: string; host?: string; config?: string }) => {
      const { maintenanceCommand } = await import("./commands/deploy.js");
      throw new ExitSignal(await maintenanceCommand(io, env, mode, opts));
    });

  program
    .command("__server", { hidden: true })
    .description("Run the warm server that `check` and `hook pre-commit` use (started on demand).")
    .action(async () => {
      const { runServer } = await import("./server/server.js");
      await runServer();
      await new Promise<void>(() => {
        // Serve until idle; the server exits the process itself.
      });
    });

  return program;
}

/** The output redactor, built once per process (the warm server runs many requests). */
let outputRedactor: Redactor | undefined;

/**
 * Run the CLI with `argv` (without node and script); returns the exit code. Never throws. Every
 * byte it prints goes through the output redactor (every secret detector; docs/secrets/redaction.md).
 */
export async function main(argv: readonly string[], rawIo: Io = processIo()): Promise<number> {
  // Config files import "@warden/cli": resolve it to the running CLI, installed beside the config or not.
  aliasConfigImport("@warden/cli", ownEntry());
  return runCommandLine(
    argv,
    rawIo,
    async () => {
      if (outputRedactor === undefined && argv[0] === "secrets" && argv[1] === "run") {
        // Loading every detector was a third of `secrets run`'s start-up (docs/benchmarks.md), and
        // it prints nothing of its own unless it fails: the child's output goes through the vault's
        // masker, not through here. Its few lines are redacted conservatively instead.
        installRedactor(CONSERVATIVE_REDACTOR);
      } else {
        if (outputRedactor === undefined) {
          const { createOutputRedactor } = await import("@warden/secrets");
          outputRedactor = createOutputRedactor();
        }
        installRedactor(outputRedactor);
      }
    },
    buildProgram,
  );
}
