/**
 * The secrets a deploy hands a release: the names granted to the task `deploy:<env>` in
 * `secrets.grants`, decrypted from the vault (`@warden/vault`, master key from WARDEN_MASTER_KEY
 * or the key directory). Every access is in the vault's audit log; the deploy's events name the
 * secrets, never their values.
 */
import { currentEnv } from "@warden/core";
import { planRun, type GrantSetting } from "@warden/vault";

/** The grants of the config (`secrets.grants`). */
export type Grants = Readonly<Record<string, GrantSetting>>;

/** The secrets of one deploy: which task and vault environment they came from, and the values. */
export interface DeploySecrets {
  readonly task: string;
  readonly env: string;
  readonly names: readonly string[];
  readonly values: ReadonlyMap<string, string>;
}

/** The task whose grant a deploy of `env` receives. */
export function deployTask(env: string): string {
  return `deploy:${env}`;
}

/**
 * The granted secrets of a deploy of `env` (undefined when `deploy:<env>` has no grant: the
 * release then gets only its declared variables). A grant that cannot be honoured (expired, a
 * granted name missing from the vault, a wrong key) throws the vault's one-line error, and the
 * vault logs the refusal.
 */
export function grantedSecrets(root: string, env: string, grants: Grants | undefined, processEnv: NodeJS.ProcessEnv = currentEnv()): DeploySecrets | undefined {
  const task = deployTask(env);
  if (grants?.[task] === undefined) return undefined;
  const plan = planRun(root, { task, grants }, processEnv);
  return { task, env: plan.env, names: plan.names, values: plan.values };
}

/** Replace every granted value (of any length) in `text` with `[masked:NAME]`, also in its JSON-escaped form. */
export function maskSecrets(text: string, secrets: DeploySecrets | undefined): string {
  if (secrets === undefined) return text;
  let out = text;
  const byLength = [...secrets.values.entries()].filter(([, v]) => v !== "").sort((a, b) => b[1].length - a[1].length);
  for (const [name, value] of byLength) {
    out = out.replaceAll(value, `[masked:${name}]`);
    const escaped = JSON.stringify(value).slice(1, -1);
    if (escaped !== value) out = out.replaceAll(escaped, `[masked:${name}]`);
  }
  return out;
}

/** What the events record of the secrets a deploy used: names and where they came from, never values. */
export function secretsDetail(secrets: DeploySecrets | undefined): Record<string, unknown> {
  return secrets === undefined ? {} : { secrets: { task: secrets.task, env: secrets.env, names: [...secrets.names] } };
}
