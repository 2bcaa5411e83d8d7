import { z } from "zod";

/** The named steps of the deploy pipeline, in order; hooks and events refer to them by these names. */
export const DEPLOY_STEPS = [
  "lock",
  "preflight",
  "build",
  "backup",
  "release",
  "migrate",
  "start",
  "health",
  "switch",
  "smoke",
  "stop_old",
  "prune",
  "unlock",
] as const;

/** One step of the deploy pipeline. */
export type DeployStep = (typeof DEPLOY_STEPS)[number];

const StepSchema = z.enum(DEPLOY_STEPS);
const Command = z.string().min(1);
const EnvVars = z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "environment variable names are letters, digits and _"), z.string());

/** Limits of Warden's reverse proxy (local and ssh targets); applied when the proxy starts. */
const ProxySettingsSchema = z
  .object({
    connectTimeoutMs: z.number().int().positive().default(5000).describe("Connecting to an instance; after it another instance is tried."),
    readTimeoutMs: z.number().int().positive().default(60_000).describe("Silence from an instance before its answer is given up (504)."),
    maxBodyBytes: z.number().int().positive().default(10 * 1024 * 1024).describe("Larger request bodies are refused with 413."),
  })
  .strict()
  .default({ connectTimeoutMs: 5000, readTimeoutMs: 60_000, maxBodyBytes: 10 * 1024 * 1024 });

const LocalTargetSchema = z
  .object({
    type: z.literal("local"),
    app: z.string().min(1).describe("Folder (relative to the repository root) copied into each release."),
    start: Command.describe("Command that starts one instance, run in the release folder with PORT set."),
    env: EnvVars.default({}).describe("Extra environment variables for the instances."),
    port: z.number().int().min(0).max(65535).default(0).describe("Port of the proxy on 127.0.0.1 (0: chosen once by the OS, then kept)."),
    instances: z
      .union([z.number().int().min(1).max(32), z.literal("auto")])
      .default(1)
      .describe('Instances of each release behind the proxy; "auto" sizes it from this machine\'s cores and memory (Rule 16).'),
    stopTimeoutMs: z.number().int().positive().default(5000).describe("Grace period after SIGTERM before SIGKILL."),
    proxy: ProxySettingsSchema.describe("Limits of the reverse proxy in front of the instances."),
  })
  .strict();

const RoleName = z.string().regex(/^[a-z][a-z0-9_-]*$/, "a role name: lower-case letters, digits, - and _");

/** One host of an ssh environment with several hosts; unset fields take the target's values. */
const SshHostSchema = z
  .object({
    host: z.string().min(1),
    roles: z.array(RoleName).min(1).default(["web"]).describe('Roles run on this host: "web" (behind the proxy) and the roles defined in `roles`.'),
    user: z.string().min(1).optional(),
    sshPort: z.number().int().min(1).max(65535).optional(),
    identityFile: z.string().min(1).optional(),
    knownHostsFile: z.string().min(1).optional(),
    path: z.string().startsWith("/", "an absolute path on the remote host").optional(),
    port: z.number().int().min(1).max(65535).optional().describe("Proxy port on this host (default: the target's port)."),
  })
  .strict();

/** A role other than web: its own command, no proxy, health by process liveness or a command. */
const SshRoleSchema = z
  .object({
    start: Command.describe("Command that starts one process of the role, in the release folder (no PORT, no proxy)."),
    instances: z.number().int().min(1).max(32).default(1),
    health: Command.optional().describe("Exits 0 when the role's new processes are healthy, run in the release folder on the host; default: the processes are still running 1 s after the start."),
  })
  .strict();

const SshTargetSchema = z
  .object({
    type: z.literal("ssh"),
    host: z.string().min(1).optional().describe("The one host (or list them in `hosts`)."),
    hosts: z.array(SshHostSchema).min(1).optional().describe("Several hosts with roles; the deploy runs per host, `parallelism` at a time."),
    roles: z.record(RoleName, SshRoleSchema).default({}).describe("Roles other than web (workers) and their commands."),
    parallelism: z.number().int().min(1).max(64).default(4).describe("Hosts worked on at once (releases uploaded, instances started and checked)."),
    user: z.string().min(1).optional(),
    sshPort: z.number().int().min(1).max(65535).default(22),
    identityFile: z.string().min(1).optional().describe("Private key file for ssh and rsync."),
    knownHostsFile: z.string().min(1).optional().describe("known_hosts file; host keys are pinned there."),
    path: z.string().startsWith("/", "an absolute path on the remote host").describe("Base folder on the remote host; releases go under <path>/<env>/."),
    node: z.string().min(1).default("node").describe("The node executable on the remote host (runs the proxy)."),
    app: z.string().min(1),
    start: Command,
    env: EnvVars.default({}),
    port: z.number().int().min(1).max(65535).describe("Port of the proxy on the remote host's 127.0.0.1."),
    instances: z.number().int().min(1).max(32).default(1),
    stopTimeoutMs: z.number().int().positive().default(5000),
    proxy: ProxySettingsSchema.describe("Limits of the reverse proxy in front of the instances."),
  })
  .strict()
  .superRefine((t, ctx) => {
    if ((t.host === undefined) === (t.hosts === undefined)) {
      ctx.addIssue({ code: "custom", path: t.host === undefined ? ["host"] : ["hosts"], message: t.host === undefined ? "set `host` (one host) or `hosts` (several)" : "set `host` or `hosts`, not both" });
    }
    if ("web" in t.roles) ctx.addIssue({ code: "custom", path: ["roles", "web"], message: "the web role is the target's own `start` behind the proxy; define only other roles here" });
    const seen = new Set<string>();
    (t.hosts ?? []).forEach((h, i) => {
      const key = `${h.user ?? t.user ?? ""}@${h.host}:${h.sshPort ?? t.sshPort}:${h.path ?? t.path}`;
      if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["hosts", i], message: `host ${h.host} (ssh port ${h.sshPort ?? t.sshPort}, path ${h.path ?? t.path}) is listed twice` });
      seen.add(key);
      for (const role of h.roles) {
        if (role !== "web" && !(role in t.roles)) ctx.addIssue({ code: "custom", path: ["hosts", i, "roles"], message: `role "${role}" of host ${h.host} is not defined in roles (defined: web${Object.keys(t.roles).map((r) => `, ${r}`).join("")})` });
      }
    });
    if (t.hosts !== undefined && !t.hosts.some((h) => h.roles.includes("web"))) ctx.addIssue({ code: "custom", path: ["hosts"], message: "no host has the web role (migrations run on the first web host)" });
  });

const KubeQuantities = z
  .object({ cpu: z.string().min(1).optional(), memory: z.string().min(1).optional() })
  .strict();

const KubernetesTargetSchema = z
  .object({
    type: z.literal("kubernetes"),
    name: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "a Kubernetes name: lower-case letters, digits and -"),
    namespace: z.string().min(1).default("default"),
    image: z.string().min(1).describe("Container image; {commit} and {release} are replaced."),
    replicas: z.number().int().min(1).default(2),
    containerPort: z.number().int().min(1).max(65535).default(8080),
    servicePort: z.number().int().min(1).max(65535).default(80),
    env: EnvVars.default({}),
    context: z.string().min(1).optional().describe("kubectl context (default: the current one)."),
    kubectl: z.string().min(1).default("kubectl").describe("kubectl executable."),
    rolloutTimeoutMs: z.number().int().positive().default(300_000),
    resources: z
      .object({ requests: KubeQuantities.default({ cpu: "100m", memory: "128Mi" }), limits: KubeQuantities.default({ memory: "256Mi" }) })
      .strict()
      .default({ requests: { cpu: "100m", memory: "128Mi" }, limits: { memory: "256Mi" } })
      .describe("Resource requests and limits of the container."),
    terminationGracePeriodSeconds: z.number().int().min(0).default(30).describe("Time a pod gets after SIGTERM before it is killed."),
    preStopSleepSeconds: z.number().int().min(0).default(5).describe("A pod waits this long before SIGTERM, so it leaves the Service's endpoints first (0: no preStop hook)."),
    runAsUser: z.number().int().min(1).optional().describe("Numeric user id the container runs as (runAsNonRoot is always set)."),
    readOnlyRootFilesystem: z.boolean().default(true).describe("Mount the root filesystem read-only (an emptyDir is mounted at /tmp)."),
    secretName: z
      .string()
      .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/)
      .optional()
      .describe("Secret holding the granted secrets (default: <name>-secrets), applied over kubectl's stdin and referenced with secretKeyRef."),
  })
  .strict();

const CommandTargetSchema = z
  .object({
    type: z.literal("command"),
    deploy: Command.describe("Deploys the release (WARDEN_RELEASE, WARDEN_COMMIT and WARDEN_ENV are set)."),
    health: Command.optional().describe("Exits 0 when the deployed version is healthy (used instead of the HTTP check when set)."),
    rollback: Command.describe("Puts the previous version back (WARDEN_ROLLBACK_TO is set)."),
    env: EnvVars.default({}),
  })
  .strict();

/** Where an environment is deployed. */
export const DeployTargetSchema = z.discriminatedUnion("type", [
  LocalTargetSchema,
  SshTargetSchema,
  KubernetesTargetSchema,
  CommandTargetSchema,
]);

/** How traffic moves from the old version to the new one. */
export const DeployStrategySchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("blue-green") }).strict(),
  z.object({ type: z.literal("rolling") }).strict(),
  z
    .object({
      type: z.literal("canary"),
      share: z.number().gt(0).lt(1).default(0.1).describe("Share of requests sent to the new version during the canary."),
      durationMs: z.number().int().positive().default(60_000).describe("How long the canary runs."),
      maxErrorRateIncrease: z
        .number()
        .min(0)
        .max(1)
        .default(0.01)
        .describe("Roll back when the new version's error rate exceeds the old one's by more than this."),
      minRequests: z.number().int().min(0).default(10).describe("Requests the canary must see; fewer fails it."),
      hosts: z
        .union([z.number().int().min(1), z.string().regex(/^\d{1,3}%$/, 'a share of the hosts like "25%"')])
        .optional()
        .describe('Several hosts: the new version goes to this many hosts (or this share, rounded up) first, is observed for durationMs, then to the rest.'),
    })
    .strict(),
]);

/** The HTTP health check of a new version. */
export const HealthCheckSchema = z
  .object({
    path: z.string().startsWith("/").default("/healthz").describe("Path requested on each instance."),
    url: z.string().url().optional().describe("Full URL instead of the path (targets without local instances)."),
    expectStatus: z.number().int().min(100).max(599).default(200),
    timeoutMs: z.number().int().positive().default(2000).describe("Timeout of one attempt."),
    retries: z.number().int().min(0).default(20).describe("Attempts after the first one."),
    intervalMs: z.number().int().min(0).default(250).describe("Pause between attempts."),
  })
  .strict();

const HookMap = z.partialRecord(StepSchema, Command);

/** One deployment environment. */
export const DeployEnvironmentSchema = z
  .object({
    target: DeployTargetSchema,
    strategy: DeployStrategySchema.default({ type: "blue-green" }),
    health: HealthCheckSchema.default({ path: "/healthz", expectStatus: 200, timeoutMs: 2000, retries: 20, intervalMs: 250 }),
    smoke: z
      .object({ path: z.string().startsWith("/").default("/"), expectStatus: z.number().int().min(100).max(599).default(200) })
      .strict()
      .optional()
      .describe("Request sent through the switched traffic; a failure rolls back. Default: the health check path."),
    preflight: z
      .object({
        cleanTree: z.boolean().default(true).describe("The git work tree has no uncommitted changes."),
        tests: z.union([z.literal(false), Command]).default(false).describe("Test command that must pass."),
        check: z.boolean().default(true).describe("`warden check` passes."),
        scan: z.boolean().default(true).describe("`warden scan` passes, when the scanner is installed."),
        audit: z.boolean().default(false).describe("`warden audit` passes: no dependency advisory at or above audit.severity (asks the registry: needs the network)."),
        changesets: z.boolean().default(false).describe("Packages changed since the live release come with a changeset."),
        migrations: z.boolean().default(true).describe("Already-applied migration files are unchanged."),
        checklist: z.boolean().default(false).describe("Every item of the deployment checklist is checked (production)."),
        bench: z.union([z.literal(false), Command]).default(false).describe("Benchmark command that must pass (its budget check)."),
      })
      .strict()
      .default({ cleanTree: true, tests: false, check: true, scan: true, audit: false, changesets: false, migrations: true, checklist: false, bench: false }),
    build: z.union([z.literal(false), Command]).default("pnpm exec turbo run build --output-logs=errors-only"),
    hooks: z
      .object({ before: HookMap.default({}), after: HookMap.default({}) })
      .strict()
      .default({ before: {}, after: {} })
      .describe("Shell commands run before/after a step; a failing hook fails the step."),
    keepReleases: z.number().int().min(1).default(5).describe("Releases kept on the target (the live one included)."),
    backup: z.array(z.string().min(1)).default([]).describe("Paths (relative to the repository root) copied before each deploy."),
    migrate: z
      .object({
        command: Command,
        dir: z.string().min(1).describe("Folder of migration files whose checksums are recorded once applied."),
      })
      .strict()
      .optional(),
  })
  .strict();

/** Settings of the deploy driver (`warden deploy`): environments and their targets. */
export const DeploySchema = z
  .object({
    default: z.string().min(1).optional().describe("Environment deployed when none is named."),
    environments: z.record(z.string(), DeployEnvironmentSchema).default({}),
  })
  .strict()
  .superRefine((deploy, ctx) => {
    for (const name of Object.keys(deploy.environments)) {
      if (!/^[a-z0-9][a-z0-9_-]*$/.test(name)) {
        ctx.addIssue({ code: "custom", path: ["environments", name], message: `environment name "${name}" must be lower-case letters, digits, - and _` });
      }
    }
    if (deploy.default !== undefined && deploy.environments[deploy.default] === undefined) {
      ctx.addIssue({ code: "custom", path: ["default"], message: `"${deploy.default}" is not one of the environments (${Object.keys(deploy.environments).join(", ") || "none"})` });
    }
  })
  .default({ environments: {} });

/** A validated deploy environment. */
export type DeployEnvironment = z.output<typeof DeployEnvironmentSchema>;
/** A validated deploy target. */
export type DeployTarget = z.output<typeof DeployTargetSchema>;
/** A validated strategy. */
export type DeployStrategy = z.output<typeof DeployStrategySchema>;
/** A validated health check. */
export type HealthCheck = z.output<typeof HealthCheckSchema>;
