/**
 * A case-insensitive Aho–Corasick automaton over bytes: one pass over a buffer reports every
 * occurrence of every keyword (overlapping ones included), at a few nanoseconds per byte and
 * without decoding the buffer to a string first.
 */
export class KeywordAutomaton {
  /** The keywords, by index. */
  readonly keywords: readonly string[];
  private readonly delta: Int32Array;
  /** Per state: the indexes of the keywords that end there (empty for most states). */
  private readonly outputs: readonly (readonly number[])[];
  private readonly hasOutput: Uint8Array;

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
    this.delta = delta;
    this.outputs = outputs;
    this.hasOutput = new Uint8Array(count);
    outputs.forEach((list, state) => {
      if (list.length > 0) this.hasOutput[state] = 1;
    });
  }

  /** Call `onHit(start, keywordIndex)` for every keyword occurrence in `bytes`, in order of end. */
  scan(bytes: Uint8Array, onHit: (start: number, keyword: number) => void): void {
    const { delta, hasOutput, outputs, keywords } = this;
    let state = 0;
    for (let i = 0, length = bytes.length; i < length; i += 1) {
      state = delta[(state << 8) | (bytes[i] as number)] as number;
      if (hasOutput[state] === 1) {
        for (const keyword of outputs[state] as number[]) onHit(i + 1 - (keywords[keyword] as string).length, keyword);
      }
    }
  }
}
