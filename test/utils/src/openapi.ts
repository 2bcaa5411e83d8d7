import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

// ajv-formats is CommonJS: its default export arrives as the module object under NodeNext.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

/** One operation of GitHub's REST API as published in `@octokit/openapi` (api.github.com). */
export interface Operation {
  readonly id: string;
  readonly method: string;
  readonly template: string;
  /** Path parameter names in template order. */
  readonly pathParams: readonly string[];
  readonly matcher: RegExp;
  readonly parameters: readonly Parameter[];
  readonly body: { readonly required: boolean; readonly schema: unknown } | undefined;
}

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
  readonly schema?: unknown;
}

interface OpenApiDocument {
  readonly paths: Record<string, Record<string, { operationId: string; parameters?: unknown[]; requestBody?: { required?: boolean; content?: Record<string, { schema?: unknown }> } }>>;
  readonly components: { parameters: Record<string, Parameter>; schemas: Record<string, unknown> };
}

const HTTP_METHODS = new Set(["get", "post", "put", "patch", "delete", "head"]);
const SCHEMA_ID = "github-rest";

const SCHEMA_REF = "#/components/schemas/";

/** Point every `#/components/schemas/<name>` reference at the schema registered as `github-rest:<name>`. */
function rebase(value: unknown, refs: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => rebase(v, refs));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === "$ref" && typeof inner === "string" && inner.startsWith(SCHEMA_REF)) {
      const name = inner.slice(SCHEMA_REF.length);
      refs.add(name);
      out[key] = `${SCHEMA_ID}:${name}`;
    } else out[key] = rebase(inner, refs);
  }
  return out;
}

/**
 * GitHub's published REST description, loaded once per process: operations by method and path
 * template, and JSON-schema validators of their parameters and bodies (ajv, compiled on first use).
 */
export class GitHubOpenApi {
  readonly operations: readonly Operation[];
  private readonly document: OpenApiDocument;
  private readonly bodyAjv: Ajv;
  private readonly paramAjv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly registered = new Map<Ajv, Set<string>>();

  private constructor(document: OpenApiDocument) {
    this.document = document;
    const operations: Operation[] = [];
    for (const [template, methods] of Object.entries(document.paths)) {
      const pathParams = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? "");
      const matcher = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{[^}]+\\?\}/g, "([^/]+)")}$`);
      for (const [method, op] of Object.entries(methods)) {
        if (!HTTP_METHODS.has(method)) continue;
        const parameters = (op.parameters ?? []).map((p) => this.parameter(p));
        const json = op.requestBody?.content?.["application/json"];
        operations.push({
          id: op.operationId,
          method: method.toUpperCase(),
          template,
          pathParams,
          matcher,
          parameters,
          body: json === undefined ? undefined : { required: op.requestBody?.required === true, schema: json.schema },
        });
      }
    }
    // A literal segment wins over a parameter: fewer parameters first.
    this.operations = operations.sort((a, b) => a.pathParams.length - b.pathParams.length);
    const options = { strict: false, allErrors: false, logger: false as const, validateSchema: false, discriminator: false };
    this.bodyAjv = new Ajv(options);
    this.paramAjv = new Ajv({ ...options, coerceTypes: true });
    for (const ajv of [this.bodyAjv, this.paramAjv]) addFormats(ajv);
  }

  private static loaded: GitHubOpenApi | undefined;

  /** The api.github.com description of the installed `@octokit/openapi` (parsed once). */
  static load(): GitHubOpenApi {
    if (GitHubOpenApi.loaded === undefined) {
      const require = createRequire(import.meta.url);
      const file = require.resolve("@octokit/openapi/generated/api.github.com.json");
      GitHubOpenApi.loaded = new GitHubOpenApi(JSON.parse(readFileSync(file, "utf8")) as OpenApiDocument);
    }
    return GitHubOpenApi.loaded;
  }

  private parameter(raw: unknown): Parameter {
    const ref = (raw as { $ref?: string }).$ref;
    if (ref === undefined) return raw as Parameter;
    const name = ref.replace("#/components/parameters/", "");
    const resolved = this.document.components.parameters[name];
    if (resolved === undefined) throw new Error(`unresolved parameter ${ref}`);
    return resolved;
  }

  /** The operation `method path` calls, with its path parameters; undefined when none matches. */
  match(method: string, pathname: string): { operation: Operation; params: Record<string, string> } | undefined {
    for (const operation of this.operations) {
      if (operation.method !== method) continue;
      const found = operation.matcher.exec(pathname);
      if (found === null) continue;
      const params: Record<string, string> = {};
      operation.pathParams.forEach((name, i) => (params[name] = decodeURIComponent(found[i + 1] ?? "")));
      return { operation, params };
    }
    return undefined;
  }

  /** Register the component schemas `refs` name (and those they name, transitively) with `ajv`. */
  private register(ajv: Ajv, refs: Set<string>): void {
    const pending = [...refs];
    while (pending.length > 0) {
      const name = pending.pop() ?? "";
      const added = this.registered.get(ajv) ?? new Set<string>();
      this.registered.set(ajv, added);
      if (added.has(name)) continue;
      added.add(name);
      const inner = new Set<string>();
      ajv.addSchema(rebase(this.document.components.schemas[name] ?? {}, inner) as object, `${SCHEMA_ID}:${name}`);
      pending.push(...inner);
    }
  }

  private validator(key: string, ajv: Ajv, schema: unknown): ValidateFunction {
    let validate = this.validators.get(key);
    if (validate === undefined) {
      const refs = new Set<string>();
      const rebased = rebase(schema ?? {}, refs) as object;
      this.register(ajv, refs);
      validate = ajv.compile(rebased);
      this.validators.set(key, validate);
    }
    return validate;
  }

  /**
   * Every way the request breaks the operation's description: path and query parameters against
   * their schemas (required ones present, no unknown query keys), the JSON body against the body
   * schema. An empty list: the request is valid.
   */
  violations(operation: Operation, params: Record<string, string>, query: URLSearchParams, body: unknown): string[] {
    const problems: string[] = [];
    const where = `${operation.method} ${operation.template} (${operation.id})`;
    for (const parameter of operation.parameters) {
      if (parameter.in !== "path" && parameter.in !== "query") continue;
      const value = parameter.in === "path" ? params[parameter.name] : (query.get(parameter.name) ?? undefined);
      if (value === undefined) {
        if (parameter.required === true) problems.push(`${where}: missing ${parameter.in} parameter ${parameter.name}`);
        continue;
      }
      const holder = { value };
      const validate = this.validator(`${operation.id}:${parameter.in}:${parameter.name}`, this.paramAjv, { type: "object", properties: { value: parameter.schema ?? {} } });
      if (!validate(holder)) problems.push(`${where}: ${parameter.in} parameter ${parameter.name}=${value}: ${this.paramAjv.errorsText(validate.errors)}`);
    }
    const known = new Set(operation.parameters.filter((p) => p.in === "query").map((p) => p.name));
    for (const key of query.keys()) if (!known.has(key)) problems.push(`${where}: unknown query parameter ${key}`);
    if (operation.body === undefined) {
      if (body !== undefined) problems.push(`${where}: takes no body`);
    } else if (body === undefined) {
      if (operation.body.required) problems.push(`${where}: body required`);
    } else {
      const validate = this.validator(`${operation.id}:body`, this.bodyAjv, operation.body.schema);
      if (!validate(body)) problems.push(`${where}: body ${this.bodyAjv.errorsText(validate.errors, { dataVar: "body" })}`);
    }
    return problems;
  }
}
