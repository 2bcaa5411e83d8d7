/**
 * Buffers at least this long are scanned as four interleaved streams (see {@link KeywordAutomaton.scan});
 * each stretch also walks the longest keyword's length before its own bytes, so short buffers
 * are walked in one stream.
 */
const INTERLEAVE_MIN = 1024;
/** Hit lists up to this length are kept for the next scan. */
const KEPT_HITS = 1 << 16;

const BUILT = new Map<string, KeywordAutomaton>();

/**
 * A case-insensitive Aho–Corasick automaton over bytes: one pass over a buffer reports every
 * occurrence of every keyword (overlapping ones included), at about a nanosecond per byte and
 * without decoding the buffer to a string first.
 *
 * Two things make the hot loop fast. Bytes that every state treats alike share one column
 * (about 40 classes instead of 256), so the transition table is small enough to stay in the
 * CPU's nearest caches, and its entries are row offsets already, so a step is two loads and an
 * add. And a long buffer is cut into four stretches walked side by side in one loop: one
 * automaton's steps each wait for the previous load, four independent ones overlap.
 */
export class KeywordAutomaton {
  /** The keywords, by index. */
  readonly keywords: readonly string[];
  /** Transitions: `table[rowOffset + classOf[byte]]` is the next state's row offset. */
  private readonly table: Uint16Array | Uint32Array;
  /** Byte → column of {@link KeywordAutomaton.table}. */
  private readonly classOf: Uint8Array;
  /** Columns per state. */
  private readonly width: number;
  /** Per state: the indexes of the keywords that end there (empty for most states). */
  private readonly outputs: readonly (readonly number[])[];
  /** Row offsets from this one on belong to states with outputs. */
  private readonly firstOutput: number;
  /** Longest keyword's length minus one: how far a stretch starts before its own bytes. */
  private readonly overlap: number;
  /** Hit lists of {@link KeywordAutomaton.scan}, kept between calls (undefined while one runs). */
  private spare: number[][] | undefined;

  constructor(keywords: readonly string[]) {
    this.keywords = keywords;
    // Byte classes, straight from the keywords: each byte that occurs in a keyword (an upper-case
    // ASCII letter with its lower-case twin) is a class of its own, every other byte shares class
    // 0, where every state goes back to the root. (Two keyword bytes can never share a column: a
    // state whose children differ by them tells them apart.) Building the automaton over these
    // ~40 columns instead of 256 bytes is what keeps its construction, once per process, short.
    const lowered = keywords.map((keyword) => Buffer.from(keyword.toLowerCase(), "latin1"));
    const classOf = new Uint8Array(256);
    let width = 1;
    for (const bytes of lowered) {
      for (const byte of bytes) {
        if (byte >= 65 && byte <= 90) continue; // cannot occur after toLowerCase; folded below
        if (classOf[byte] === 0) {
          if (width === 256) throw new Error("KeywordAutomaton: keywords use more than 255 distinct bytes");
          classOf[byte] = width;
          width += 1;
        }
      }
    }
    // Case-insensitive for ASCII letters: an upper-case byte moves like its lower-case twin.
    for (let c = 65; c <= 90; c += 1) classOf[c] = classOf[c + 32] as number;
    const goto: Int32Array[] = [new Int32Array(width).fill(-1)];
    const outputs: number[][] = [[]];
    lowered.forEach((bytes, index) => {
      let state = 0;
      for (const byte of bytes) {
        const row = goto[state] as Int32Array;
        const c = classOf[byte] as number;
        if ((row[c] as number) < 0) {
          row[c] = goto.length;
          goto.push(new Int32Array(width).fill(-1));
          outputs.push([]);
        }
        state = row[c] as number;
      }
      (outputs[state] as number[]).push(index);
    });
    const count = goto.length;
    const fail = new Int32Array(count);
    const delta = new Int32Array(count * width);
    const queue: number[] = [];
    const root = goto[0] as Int32Array;
    for (let c = 0; c < width; c += 1) {
      const next = root[c] as number;
      delta[c] = next >= 0 ? next : 0;
      if (next >= 0) queue.push(next);
    }
    for (let head = 0; head < queue.length; head += 1) {
      const state = queue[head] as number;
      const row = goto[state] as Int32Array;
      const failRow = (fail[state] as number) * width;
      if ((outputs[fail[state] as number] as number[]).length > 0) outputs[state] = [...(outputs[state] as number[]), ...(outputs[fail[state] as number] as number[])];
      for (let c = 0; c < width; c += 1) {
        const next = row[c] as number;
        const viaFail = delta[failRow + c] as number;
        if (next >= 0) {
          fail[next] = viaFail;
          queue.push(next);
          delta[state * width + c] = next;
        } else {
          delta[state * width + c] = viaFail;
        }
      }
    }
    // Renumber the states so that every state with an output comes last: the hot loop then tests
    // "state >= firstOutput" instead of loading a flag.
    const order = [...Array(count).keys()].sort((a, b) => Number(outputs[a]!.length > 0) - Number(outputs[b]!.length > 0) || a - b);
    const renamed = new Int32Array(count);
    order.forEach((state, index) => (renamed[state] = index));
    const firstOutput = order.findIndex((state) => outputs[state]!.length > 0);
    // Entries are the next state's row offset (state × width), so a step needs no multiplication.
    const table = count * width <= 0xffff ? new Uint16Array(count * width) : new Uint32Array(count * width);
    for (let state = 0; state < count; state += 1) {
      const row = (renamed[state] as number) * width;
      for (let c = 0; c < width; c += 1) table[row + c] = (renamed[delta[state * width + c] as number] as number) * width;
    }
    this.table = table;
    this.classOf = classOf;
    this.width = width;
    this.firstOutput = (firstOutput < 0 ? count : firstOutput) * width;
    this.outputs = order.map((state) => outputs[state] as number[]);
    this.overlap = Math.max(0, ...lowered.map((bytes) => bytes.length)) - 1;
  }

  /**
   * The automaton for `keywords`, built once per process and list (the scanner and the output
   * redactor use the same keywords).
   */
  static for(keywords: readonly string[]): KeywordAutomaton {
    const key = keywords.join("\0");
    let automaton = BUILT.get(key);
    if (automaton === undefined) {
      automaton = new KeywordAutomaton(keywords);
      BUILT.set(key, automaton);
    }
    return automaton;
  }

  /** Call `onHit(start, keywordIndex)` for every keyword occurrence in `bytes`, in order of end. */
  scan(bytes: Uint8Array, onHit: (start: number, keyword: number) => void): void {
    // The hit lists are reused from call to call (a scan of many small files allocated four per
    // file); a call from inside onHit (none today) gets its own.
    const lists = this.spare ?? [[], [], [], []];
    this.spare = undefined;
    try {
      this.scanInto(bytes, onHit, lists);
    } finally {
      // Lists grown large by a dense buffer are not kept.
      const keep = lists.every((list) => list.length <= KEPT_HITS);
      for (const list of lists) list.length = 0;
      this.spare = keep ? lists : undefined;
    }
  }

  private scanInto(bytes: Uint8Array, onHit: (start: number, keyword: number) => void, lists: number[][]): void {
    const [h0, h1, h2, h3] = lists as [number[], number[], number[], number[]];
    if (bytes.length < INTERLEAVE_MIN || bytes.length < 8 * (this.overlap + 1)) {
      this.walkFrom(bytes, 0, bytes.length, 0, h0);
      this.emit(h0, onHit);
      return;
    }
    // Four stretches [b0, b1), [b1, b2), [b2, b3), [b3, length). Stretch k's automaton starts
    // `overlap` bytes early, so a keyword that crosses b_k is seen whole, and it reports only
    // keywords ending at or after b_k (the ones before belong to stretch k - 1).
    const { table, classOf, firstOutput, overlap } = this;
    const length = bytes.length;
    const quarter = Math.floor(length / 4);
    const b1 = quarter;
    const b2 = 2 * quarter;
    const b3 = 3 * quarter;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let i0 = 0;
    let i1 = b1 - overlap;
    let i2 = b2 - overlap;
    let i3 = b3 - overlap;
    for (const end = b1; i0 < end; i0 += 1, i1 += 1, i2 += 1, i3 += 1) {
      s0 = table[s0 + (classOf[bytes[i0] as number] as number)] as number;
      s1 = table[s1 + (classOf[bytes[i1] as number] as number)] as number;
      s2 = table[s2 + (classOf[bytes[i2] as number] as number)] as number;
      s3 = table[s3 + (classOf[bytes[i3] as number] as number)] as number;
      if (s0 >= firstOutput) h0.push(i0, s0);
      if (s1 >= firstOutput && i1 >= b1) h1.push(i1, s1);
      if (s2 >= firstOutput && i2 >= b2) h2.push(i2, s2);
      if (s3 >= firstOutput && i3 >= b3) h3.push(i3, s3);
    }
    // Stretch 0 stopped at b1; the others have `overlap` bytes left, and the last the remainder.
    this.walkFrom(bytes, i1, b2, s1, h1);
    this.walkFrom(bytes, i2, b3, s2, h2);
    this.walkFrom(bytes, i3, length, s3, h3);
    this.emit(h0, onHit);
    this.emit(h1, onHit);
    this.emit(h2, onHit);
    this.emit(h3, onHit);
  }

  private walkFrom(bytes: Uint8Array, from: number, to: number, start: number, hits: number[]): void {
    const { table, classOf, firstOutput } = this;
    let state = start;
    for (let i = from; i < to; i += 1) {
      state = table[state + (classOf[bytes[i] as number] as number)] as number;
      if (state >= firstOutput) hits.push(i, state);
    }
  }

  private emit(hits: readonly number[], onHit: (start: number, keyword: number) => void): void {
    const { outputs, keywords, width } = this;
    for (let h = 0; h < hits.length; h += 2) {
      const end = (hits[h] as number) + 1;
      for (const keyword of outputs[(hits[h + 1] as number) / width] as number[]) onHit(end - (keywords[keyword] as string).length, keyword);
    }
  }
}
