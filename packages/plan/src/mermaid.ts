import type { InventoryComposeService, InventoryKubernetesObject, InventoryPackage } from "./inventory.js";

/** Mermaid refuses diagram text longer than this (its `maxTextSize` default). */
export const MERMAID_MAX_TEXT = 50_000;
/** Warden keeps every diagram well under the limit, and readable. */
const BUDGET = 40_000;
const MAX_NODES = 120;

/** A node id mermaid accepts: letters, digits and _. */
function nodeId(prefix: string, name: string): string {
  return `${prefix}_${name.replace(/[^A-Za-z0-9]/g, "_")}`;
}

/** A label inside `["…"]`: quotes and characters mermaid reads as markup escaped as entities. */
export function label(text: string): string {
  return text.replace(/[#"<>]/g, (c) => `#${c.charCodeAt(0)};`);
}

/** Short text for mermaid's xychart and gantt, where quotes, colons and # break the syntax. */
function plain(text: string): string {
  return text.replace(/[:#;"\n]/g, " ").trim();
}

/**
 * The package graph: one node per workspace package, an edge per internal dependency. A graph too
 * large to read or to render (over 120 packages or 40,000 characters) is summarised: one node per
 * top folder with the number of packages, an edge per folder-to-folder dependency with its count.
 */
export function packageGraphDiagram(packages: readonly InventoryPackage[]): string {
  const full = ["flowchart LR"];
  for (const p of packages) full.push(`  ${nodeId("p", p.name)}["${label(p.name)}"]`);
  for (const p of packages) for (const dep of p.dependsOn) full.push(`  ${nodeId("p", p.name)} --> ${nodeId("p", dep)}`);
  const text = `${full.join("\n")}\n`;
  if (packages.length <= MAX_NODES && text.length <= BUDGET) return text;
  const groupOf = new Map(packages.map((p) => [p.name, p.dir.includes("/") ? p.dir.slice(0, p.dir.indexOf("/")) : p.dir]));
  const counts = new Map<string, number>();
  for (const group of groupOf.values()) counts.set(group, (counts.get(group) ?? 0) + 1);
  const edges = new Map<string, number>();
  for (const p of packages) {
    for (const dep of p.dependsOn) {
      const key = `${groupOf.get(p.name) ?? ""}\0${groupOf.get(dep) ?? ""}`;
      edges.set(key, (edges.get(key) ?? 0) + 1);
    }
  }
  const out = ["flowchart LR"];
  for (const [group, count] of [...counts].sort()) out.push(`  ${nodeId("g", group)}["${label(`${group}/ (${count} packages)`)}"]`);
  for (const [key, count] of [...edges].sort()) {
    const [from = "", to = ""] = key.split("\0");
    out.push(from === to ? `  ${nodeId("g", from)} -->|"${count}"| ${nodeId("g", to)}` : `  ${nodeId("g", from)} -->|"${count}"| ${nodeId("g", to)}`);
  }
  return `${out.join("\n")}\n`;
}

/** One environment as the topology diagram shows it. */
export interface TopologyEnvironment {
  readonly name: string;
  readonly target: string;
  readonly address: string | undefined;
  readonly healthPath: string;
  readonly live: string | undefined;
  readonly endpoints: number;
}

/**
 * The service and infrastructure topology: each environment with its target, address, health path
 * and live release; Compose services with their published ports and dependencies; Kubernetes
 * objects grouped by namespace. Long lists are cut to the first entries, with a node saying how
 * many more there are.
 */
export function topologyDiagram(input: { readonly environments: readonly TopologyEnvironment[]; readonly compose: readonly InventoryComposeService[]; readonly kubernetes: readonly InventoryKubernetesObject[] }): string {
  const out = ["flowchart LR"];
  if (input.environments.length === 0 && input.compose.length === 0 && input.kubernetes.length === 0) out.push('  none["no environments, Compose services or Kubernetes objects"]');
  for (const env of input.environments.slice(0, 40)) {
    const id = nodeId("env", env.name);
    out.push(`  subgraph ${id}_box["${label(`environment ${env.name}`)}"]`);
    out.push(`    ${id}_target["${label(`${env.target} target`)}${env.address === undefined ? "" : `<br/>${label(env.address)}`}"]`);
    out.push(`    ${id}_live["${label(`live: ${env.live ?? "none"}`)}"]`);
    out.push(`    ${id}_health["${label(`health ${env.healthPath}`)}"]`);
    out.push(`    ${id}_target --> ${id}_live`);
    out.push(`    ${id}_live -.-> ${id}_health`);
    if (env.endpoints > 0) {
      out.push(`    ${id}_api["${label(`${env.endpoints} endpoints`)}"]`);
      out.push(`    ${id}_live --> ${id}_api`);
    }
    out.push("  end");
  }
  const services = input.compose.slice(0, 60);
  if (services.length > 0) {
    out.push('  subgraph compose_box["Compose services"]');
    for (const s of services) out.push(`    ${nodeId("svc", `${s.file}_${s.name}`)}["${label(s.name)}${s.ports.length === 0 ? "" : `<br/>${label(`ports ${s.ports.join(", ")}`)}`}"]`);
    out.push("  end");
    const byName = new Map(services.map((s) => [`${s.file}\0${s.name}`, s]));
    for (const s of services) {
      for (const dep of s.dependsOn) if (byName.has(`${s.file}\0${dep}`)) out.push(`  ${nodeId("svc", `${s.file}_${s.name}`)} --> ${nodeId("svc", `${s.file}_${dep}`)}`);
    }
    if (input.compose.length > services.length) out.push(`  svc_more["${input.compose.length - services.length} more services"]`);
  }
  const namespaces = new Map<string, InventoryKubernetesObject[]>();
  for (const k of input.kubernetes) {
    const ns = k.namespace ?? "default";
    namespaces.set(ns, [...(namespaces.get(ns) ?? []), k]);
  }
  for (const [ns, objects] of [...namespaces].sort(([a], [b]) => (a < b ? -1 : 1)).slice(0, 20)) {
    out.push(`  subgraph ${nodeId("ns", ns)}["${label(`namespace ${ns}`)}"]`);
    for (const k of objects.slice(0, 40)) out.push(`    ${nodeId("k8s", `${ns}_${k.kind}_${k.name}`)}["${label(`${k.kind} ${k.name}`)}"]`);
    if (objects.length > 40) out.push(`    ${nodeId("k8s", `${ns}_more`)}["${objects.length - 40} more objects"]`);
    out.push("  end");
  }
  return `${out.join("\n")}\n`;
}

/** One deployment on the timeline. */
export interface TimelineDeployment {
  readonly env: string;
  readonly release: string;
  readonly startedAt: string;
  readonly endedAt: string;
  readonly outcome: string;
}

/** `2026-03-01T10:00:00.000Z` → `2026-03-01T10:00:00` (the gantt's dateFormat). */
function ganttTime(iso: string): string {
  return iso.slice(0, 19);
}

/** The deploy timeline as a gantt chart: one section per environment, failed and rolled-back deploys marked critical. */
export function timelineDiagram(deployments: readonly TimelineDeployment[]): string {
  const out = ["gantt", "  title Deploy timeline (UTC)", "  dateFormat YYYY-MM-DDTHH:mm:ss", "  axisFormat %m-%d %H:%M"];
  if (deployments.length === 0) return `${[...out, "  section none", "  no deployments yet :milestone, 1970-01-01T00:00:00, 0s"].join("\n")}\n`;
  const envs = [...new Set(deployments.map((d) => d.env))].sort();
  for (const env of envs) {
    out.push(`  section ${plain(env)}`);
    for (const d of deployments.filter((x) => x.env === env)) {
      const tag = d.outcome === "succeeded" ? "done" : "crit";
      const end = d.endedAt > d.startedAt ? d.endedAt : new Date(Date.parse(d.startedAt) + 1000).toISOString();
      out.push(`  ${plain(`${d.release} ${d.outcome}`)} :${tag}, ${ganttTime(d.startedAt)}, ${ganttTime(end)}`);
    }
  }
  return `${out.join("\n")}\n`;
}

/** A chart of values over labelled periods (bars and/or a line), as mermaid's xychart. */
export function trendDiagram(input: { readonly title: string; readonly labels: readonly string[]; readonly axis: string; readonly bars?: readonly number[]; readonly line?: readonly number[] }): string {
  const values = [...(input.bars ?? []), ...(input.line ?? [])];
  const max = Math.max(1, ...values.map((v) => Math.ceil(v)));
  const out = ["xychart-beta", `  title "${plain(input.title)}"`, `  x-axis [${input.labels.map((l) => `"${plain(l)}"`).join(", ")}]`, `  y-axis "${plain(input.axis)}" 0 --> ${max}`];
  if (input.bars !== undefined) out.push(`  bar [${input.bars.join(", ")}]`);
  if (input.line !== undefined) out.push(`  line [${input.line.join(", ")}]`);
  return `${out.join("\n")}\n`;
}
