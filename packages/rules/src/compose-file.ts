import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap } from "yaml";

/** Whether a path is a Compose file (compose.yaml, docker-compose.yml, compose.prod.yaml, …). */
export function isComposeFile(file: string): boolean {
  const name = file.slice(file.lastIndexOf("/") + 1);
  return /^(?:docker-)?compose(?:\.[\w-]+)?\.ya?ml$/.test(name);
}

/** A service of a Compose file, its parsed body and its 1-based line. */
export interface ComposeService {
  readonly name: string;
  readonly line: number;
  readonly body: Record<string, unknown>;
  /** The 1-based line of a key of the service body (the service's line when absent). */
  lineOf(key: string): number;
}

/** A published host port of a Compose service. */
export interface PublishedPort {
  readonly service: string;
  readonly hostIp: string;
  readonly port: number;
  readonly protocol: string;
  readonly line: number;
}

/** Parse the services of a Compose file; undefined when it is not valid YAML. */
export function composeServices(text: string): ComposeService[] | undefined {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  if (doc.errors.length > 0) return undefined;
  const services = doc.get("services", true) as YamlNode | undefined;
  if (!isMap(services)) return [];
  const lineAt = (node: { range?: [number, number, number] | null } | null | undefined, fallback: number): number =>
    node?.range ? counter.linePos(node.range[0]).line : fallback;
  return services.items.flatMap((pair) => {
    if (!isScalar(pair.key)) return [];
    const name = String(pair.key.value);
    const line = lineAt(pair.key, 1);
    const value = pair.value as YAMLMap | null;
    const body = isMap(value) ? (value.toJSON() as Record<string, unknown>) : {};
    return [
      {
        name,
        line,
        body,
        lineOf: (key: string) => {
          if (!isMap(value)) return line;
          const item = value.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
          return item === undefined ? line : lineAt(item.key as YamlNode, line);
        },
      },
    ];
  });
}

/** The host ports a service publishes (short `"8080:80"`, `"127.0.0.1:8080:80/udp"`, ranges, and the long syntax). */
export function publishedPorts(service: ComposeService): PublishedPort[] {
  const ports = service.body.ports;
  if (!Array.isArray(ports)) return [];
  const line = service.lineOf("ports");
  const out: PublishedPort[] = [];
  const add = (hostIp: string, published: string, protocol: string): void => {
    const range = /^(\d+)(?:-(\d+))?$/.exec(published.trim());
    if (range === null) return;
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    for (let port = from; port <= to && port - from < 1000; port += 1) out.push({ service: service.name, hostIp, port, protocol, line });
  };
  for (const entry of ports) {
    if (typeof entry === "string" || typeof entry === "number") {
      const [spec = "", protocol = "tcp"] = String(entry).split("/");
      const parts = spec.startsWith("[") ? [spec.slice(0, spec.indexOf("]") + 1), ...spec.slice(spec.indexOf("]") + 2).split(":")] : spec.split(":");
      if (parts.length === 2) add("", parts[0] ?? "", protocol);
      else if (parts.length === 3) add(parts[0] ?? "", parts[1] ?? "", protocol);
    } else if (typeof entry === "object" && entry !== null) {
      const long = entry as { published?: unknown; host_ip?: unknown; protocol?: unknown };
      if (long.published !== undefined) add(String(long.host_ip ?? ""), String(long.published), String(long.protocol ?? "tcp"));
    }
  }
  return out;
}
