/**
 * A case-insensitive Aho–Corasick automaton over bytes: one pass over a buffer reports every
 * occurrence of every keyword (overlapping ones included), at a few nanoseconds per byte and
 * without decoding the buffer to a string first.
 */
export class KeywordAutomaton {
  /** The keywords, by index. */
  readonly keywords: readonly string[];
  private readonly delta: Uint16Array | Uint32Array;
  /** Per state: the indexes of the keywords that end there (empty for most states). */
  private readonly outputs: readonly (readonly number[])[];
  /** States from this number on have outputs. */
  private readonly firstOutput: number;

  constructor(keywords: readonly string[]) {
    this.keywords = keywords;
    const goto: Int32Array[] = [new Int32Array(256).fill(-1)];
    const outputs: number[][] = [[]];
    keywords.forEach((keyword, index) => {
      let state = 0;
      for (const byte of Buffer.from(keyword.toLowerCase(), "latin1")) {
        const row = goto[state] as Int32Array;
        if ((row[byte] as number) < 0) {
          row[byte] = goto.length;
          goto.push(new Int32Array(256).fill(-1));
          outputs.push([]);
        }
        state = row[byte] as number;
      }
      (outputs[state] as number[]).push(index);
    });
    const count = goto.length;
    const fail = new Int32Array(count);
    const delta = new Int32Array(count * 256);
    const queue: number[] = [];
    const root = goto[0] as Int32Array;
    for (let c = 0; c < 256; c += 1) {
      const next = root[c] as number;
      delta[c] = next >= 0 ? next : 0;
      if (next >= 0) queue.push(next);
    }
    for (let head = 0; head < queue.length; head += 1) {
      const state = queue[head] as number;
      const row = goto[state] as Int32Array;
      outputs[state] = [...(outputs[state] as number[]), ...(outputs[fail[state] as number] as number[])];
      for (let c = 0; c < 256; c += 1) {
        const next = row[c] as number;
        const viaFail = delta[(fail[state] as number) * 256 + c] as number;
        if (next >= 0) {
          fail[next] = viaFail;
          queue.push(next);
          delta[state * 256 + c] = next;
        } else {
          delta[state * 256 + c] = viaFail;
        }
      }
    }
    // Case-insensitive for ASCII letters: an upper-case byte moves like its lower-case twin.
    for (let state = 0; state < count; state += 1) {
      for (let c = 65; c <= 90; c += 1) delta[state * 256 + c] = delta[state * 256 + c + 32] as number;
    }
    // Renumber the states so that every state with an output comes last: the hot loop then tests
    // "state >= firstOutput" instead of loading a flag, and a 16-bit table halves the cache load.
    const order = [...Array(count).keys()].sort((a, b) => Number(outputs[a]!.length > 0) - Number(outputs[b]!.length > 0) || a - b);
    const renamed = new Int32Array(count);
    order.forEach((state, index) => (renamed[state] = index));
    const firstOutput = order.findIndex((state) => outputs[state]!.length > 0);
    this.firstOutput = firstOutput < 0 ? count : firstOutput;
    this.delta = count <= 0xffff ? new Uint16Array(count * 256) : new Uint32Array(count * 256);
    for (let state = 0; state < count; state += 1) {
      const row = (renamed[state] as number) * 256;
      for (let c = 0; c < 256; c += 1) this.delta[row + c] = renamed[delta[state * 256 + c] as number] as number;
    }
    this.outputs = order.map((state) => outputs[state] as number[]);
  }

  /** Call `onHit(start, keywordIndex)` for every keyword occurrence in `bytes`, in order of end. */
  scan(bytes: Uint8Array, onHit: (start: number, keyword: number) => void): void {
    const { delta, firstOutput, outputs, keywords } = this;
    let state = 0;
    for (let i = 0, length = bytes.length; i < length; i += 1) {
      state = delta[(state << 8) | (bytes[i] as number)] as number;
      if (state >= firstOutput) {
        for (const keyword of outputs[state] as number[]) onHit(i + 1 - (keywords[keyword] as string).length, keyword);
      }
    }
  }
}
