import { parseAllDocuments } from "yaml";

/** A workspace package and the workspace packages it depends on. */
export interface InventoryPackage {
  readonly name: string;
  readonly dir: string;
  readonly version: string | undefined;
  readonly private: boolean;
  /** Names of workspace packages in dependencies, devDependencies, peerDependencies or optionalDependencies. */
  readonly dependsOn: readonly string[];
}

/** A Dockerfile: base images, exposed ports, whether it has a USER and a HEALTHCHECK. */
export interface InventoryDockerfile {
  readonly file: string;
  readonly from: readonly string[];
  readonly expose: readonly string[];
  readonly user: string | undefined;
  readonly healthcheck: boolean;
}

/** A Compose service with its published ports. */
export interface InventoryComposeService {
  readonly file: string;
  readonly name: string;
  readonly image: string | undefined;
  readonly build: string | undefined;
  /** `published:target` (or the port alone when nothing is published). */
  readonly ports: readonly string[];
  readonly dependsOn: readonly string[];
  readonly healthcheck: boolean;
}

/** One Kubernetes object of a manifest file. */
export interface InventoryKubernetesObject {
  readonly file: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string | undefined;
}

/** A CI workflow (GitHub Actions, GitLab CI) or CI script. */
export interface InventoryWorkflow {
  readonly file: string;
  readonly name: string;
  readonly triggers: readonly string[];
  readonly jobs: readonly string[];
}

/** The infrastructure found in the repository. */
export interface Inventory {
  readonly packages: readonly InventoryPackage[];
  readonly dockerfiles: readonly InventoryDockerfile[];
  readonly compose: readonly InventoryComposeService[];
  readonly kubernetes: readonly InventoryKubernetesObject[];
  readonly workflows: readonly InventoryWorkflow[];
  /** Files that could not be read as what their name says, with the reason (reported, skipped). */
  readonly problems: readonly { readonly file: string; readonly reason: string }[];
}

const DEP_FIELDS = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"] as const;
const LEFT_OUT = /(?:^|\/)(?:node_modules|dist|fixtures|__fixtures__|testdata)\//;
const DOCKERFILE = /(?:^|\/)(?:Dockerfile(?:\.[\w.-]+)?|[\w.-]+\.Dockerfile)$/;
const COMPOSE = /(?:^|\/)(?:docker-)?compose(?:\.[\w-]+)?\.ya?ml$/;
const WORKFLOW = /^\.github\/workflows\/[^/]+\.ya?ml$/;
const GITLAB = /^\.gitlab-ci\.ya?ml$/;
const YAML = /\.ya?ml$/;

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The packages of the workspace with their internal dependency edges, sorted by name. */
export function packageGraph(packages: readonly { readonly dir: string; readonly name: string | undefined; readonly manifest: Record<string, unknown> }[]): InventoryPackage[] {
  const names = new Set(packages.map((p) => p.name).filter((n): n is string => n !== undefined));
  return packages
    .map((p) => {
      const deps = new Set<string>();
      for (const field of DEP_FIELDS) {
        const record = p.manifest[field];
        if (isRecord(record)) for (const dep of Object.keys(record)) if (names.has(dep) && dep !== p.name) deps.add(dep);
      }
      return {
        name: p.name ?? p.dir,
        dir: p.dir,
        version: typeof p.manifest.version === "string" ? p.manifest.version : undefined,
        private: p.manifest.private === true,
        dependsOn: [...deps].sort(cmp),
      };
    })
    .sort((a, b) => cmp(a.name, b.name));
}

function parseDockerfile(file: string, text: string): InventoryDockerfile {
  const from: string[] = [];
  const expose: string[] = [];
  let user: string | undefined;
  let healthcheck = false;
  // join continuation lines, drop comments
  const lines = text.replace(/\\\r?\n/g, " ").split(/\r?\n/);
  for (const raw of lines) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const [instruction = "", ...rest] = line.split(/\s+/);
    const upper = instruction.toUpperCase();
    if (upper === "FROM") {
      const image = rest.find((r) => !r.startsWith("--"));
      if (image !== undefined) from.push(image);
    } else if (upper === "EXPOSE") expose.push(...rest);
    else if (upper === "USER") user = rest[0];
    else if (upper === "HEALTHCHECK") healthcheck = rest[0]?.toUpperCase() !== "NONE";
  }
  return { file, from, expose: [...new Set(expose)].sort(cmp), user, healthcheck };
}

function portText(entry: unknown): string | undefined {
  if (typeof entry === "number") return String(entry);
  if (typeof entry === "string") return entry;
  if (isRecord(entry)) {
    const target = entry.target;
    const published = entry.published;
    if (target === undefined) return undefined;
    return published === undefined ? String(target) : `${String(published)}:${String(target)}`;
  }
  return undefined;
}

function parseCompose(file: string, text: string): InventoryComposeService[] {
  const docs = parseAllDocuments(text);
  const out: InventoryComposeService[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) throw new Error(doc.errors[0]?.message.split("\n")[0] ?? "invalid YAML");
    const value: unknown = doc.toJS();
    if (!isRecord(value) || !isRecord(value.services)) continue;
    for (const [name, service] of Object.entries(value.services)) {
      if (!isRecord(service)) continue;
      const build = typeof service.build === "string" ? service.build : isRecord(service.build) && typeof service.build.context === "string" ? service.build.context : undefined;
      const dependsOn = Array.isArray(service.depends_on) ? service.depends_on.map(String) : isRecord(service.depends_on) ? Object.keys(service.depends_on) : [];
      out.push({
        file,
        name,
        image: typeof service.image === "string" ? service.image : undefined,
        build,
        ports: (Array.isArray(service.ports) ? service.ports : []).map(portText).filter((p): p is string => p !== undefined),
        dependsOn: dependsOn.sort(cmp),
        healthcheck: isRecord(service.healthcheck) && service.healthcheck.disable !== true,
      });
    }
  }
  return out;
}

function parseKubernetes(file: string, text: string): InventoryKubernetesObject[] {
  const out: InventoryKubernetesObject[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) return [];
    const value: unknown = doc.toJS();
    const items = isRecord(value) && value.kind === "List" && Array.isArray(value.items) ? value.items : [value];
    for (const item of items) {
      if (!isRecord(item) || typeof item.apiVersion !== "string" || typeof item.kind !== "string" || !isRecord(item.metadata)) continue;
      const name = item.metadata.name;
      if (typeof name !== "string") continue;
      out.push({ file, kind: item.kind, name, namespace: typeof item.metadata.namespace === "string" ? item.metadata.namespace : undefined });
    }
  }
  return out;
}

function parseWorkflow(file: string, text: string): InventoryWorkflow {
  const value: unknown = parseAllDocuments(text)[0]?.toJS();
  if (!isRecord(value)) return { file, name: file, triggers: [], jobs: [] };
  if (GITLAB.test(file)) {
    const reserved = new Set(["stages", "variables", "default", "include", "workflow", "image", "services", "cache", "before_script", "after_script"]);
    return { file, name: "GitLab CI", triggers: [], jobs: Object.keys(value).filter((k) => !reserved.has(k) && !k.startsWith(".")).sort(cmp) };
  }
  // YAML 1.1 reads an unquoted `on:` key as true
  const on = value.on ?? value.true;
  const triggers = typeof on === "string" ? [on] : Array.isArray(on) ? on.map(String) : isRecord(on) ? Object.keys(on) : [];
  return { file, name: typeof value.name === "string" ? value.name : file, triggers: triggers.sort(cmp), jobs: isRecord(value.jobs) ? Object.keys(value.jobs).sort(cmp) : [] };
}

/**
 * The infrastructure inventory from the repository's files (`files`: repository-relative, as
 * `walkFiles` lists them; `read` gives a file's text): Dockerfiles, Compose services, Kubernetes
 * manifests (any YAML document with apiVersion, kind and metadata.name) and CI workflows. Fixtures
 * and build output are left out. A file that does not parse is reported in `problems` and skipped.
 */
export function collectInventory(
  files: readonly string[],
  read: (file: string) => string | undefined,
  packages: readonly { readonly dir: string; readonly name: string | undefined; readonly manifest: Record<string, unknown> }[],
): Inventory {
  const dockerfiles: InventoryDockerfile[] = [];
  const compose: InventoryComposeService[] = [];
  const kubernetes: InventoryKubernetesObject[] = [];
  const workflows: InventoryWorkflow[] = [];
  const problems: { file: string; reason: string }[] = [];
  for (const file of [...files].sort(cmp)) {
    if (LEFT_OUT.test(file)) continue;
    const kind = DOCKERFILE.test(file) ? "docker" : COMPOSE.test(file) ? "compose" : WORKFLOW.test(file) || GITLAB.test(file) ? "workflow" : YAML.test(file) ? "yaml" : undefined;
    if (kind === undefined) continue;
    const text = read(file);
    if (text === undefined) continue;
    try {
      if (kind === "docker") dockerfiles.push(parseDockerfile(file, text));
      else if (kind === "compose") compose.push(...parseCompose(file, text));
      else if (kind === "workflow") workflows.push(parseWorkflow(file, text));
      else if (/^\s*apiVersion\s*:/m.test(text) && /^\s*kind\s*:/m.test(text)) kubernetes.push(...parseKubernetes(file, text));
    } catch (error) {
      problems.push({ file, reason: error instanceof Error ? error.message.split("\n")[0] ?? "unreadable" : String(error) });
    }
  }
  return { packages: packageGraph(packages), dockerfiles, compose, kubernetes, workflows, problems };
}
