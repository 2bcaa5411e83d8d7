/** One Dockerfile instruction with its continuation lines joined. */
export interface Instruction {
  readonly name: string;
  readonly args: string;
  /** 1-based line where the instruction starts. */
  readonly line: number;
}

/** One build stage: its FROM and the instructions up to the next FROM. */
export interface Stage {
  readonly from: Instruction;
  readonly image: string;
  readonly alias: string | undefined;
  readonly instructions: readonly Instruction[];
}

/** Whether a path is a Dockerfile (Dockerfile, Dockerfile.*, *.Dockerfile, Containerfile). */
export function isDockerfile(file: string): boolean {
  const name = file.slice(file.lastIndexOf("/") + 1);
  return /^(?:Dockerfile|Containerfile)(?:\.[\w.-]+)?$/.test(name) || /\.(?:Dockerfile|dockerfile)$/.test(name);
}

/** Parse a Dockerfile into instructions (comments and parser directives skipped, `\` continuations joined). */
export function parseDockerfile(text: string): Instruction[] {
  const out: Instruction[] = [];
  const lines = text.split("\n");
  let current: { name: string; parts: string[]; line: number } | undefined;
  for (let i = 0; i < lines.length; i += 1) {
    const raw = (lines[i] ?? "").replace(/\r$/, "");
    const trimmed = raw.trim();
    if (current === undefined && (trimmed === "" || trimmed.startsWith("#"))) continue;
    if (current !== undefined && trimmed.startsWith("#")) continue;
    const continued = /\\\s*$/.test(raw);
    const body = continued ? raw.replace(/\\\s*$/, "") : raw;
    if (current === undefined) {
      const match = /^\s*([A-Za-z]+)\s*(.*)$/.exec(body);
      if (match === null) continue;
      current = { name: (match[1] ?? "").toUpperCase(), parts: [match[2] ?? ""], line: i + 1 };
    } else {
      current.parts.push(body.trim());
    }
    if (!continued) {
      out.push({ name: current.name, args: current.parts.join(" ").trim(), line: current.line });
      current = undefined;
    }
  }
  if (current !== undefined) out.push({ name: current.name, args: current.parts.join(" ").trim(), line: current.line });
  return out;
}

/** The final stage of a Dockerfile and its last instruction called `name` (e.g. the USER in force), when there is a stage. */
export function finalStageInstruction(text: string, name: string): { stage: Stage; last: Instruction | undefined } | undefined {
  const stages = stagesOf(parseDockerfile(text));
  const stage = stages[stages.length - 1];
  return stage === undefined ? undefined : { stage, last: stage.instructions.filter((i) => i.name === name).pop() };
}

/** Group instructions into stages (instructions before the first FROM, such as global ARGs, are dropped). */
export function stagesOf(instructions: readonly Instruction[]): Stage[] {
  const stages: { from: Instruction; image: string; alias: string | undefined; instructions: Instruction[] }[] = [];
  for (const instruction of instructions) {
    if (instruction.name === "FROM") {
      const words = instruction.args.split(/\s+/).filter((w) => !w.startsWith("--"));
      const asIndex = words.findIndex((w) => w.toLowerCase() === "as");
      stages.push({ from: instruction, image: words[0] ?? "", alias: asIndex >= 0 ? words[asIndex + 1]?.toLowerCase() : undefined, instructions: [] });
    } else {
      stages[stages.length - 1]?.instructions.push(instruction);
    }
  }
  return stages;
}
