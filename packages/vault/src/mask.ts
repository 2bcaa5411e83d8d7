/** Values shorter than this are not masked: masking "1" or "true" would garble output and hide nothing. */
export const MIN_MASKED_LENGTH = 6;

/**
 * Replaces every occurrence of the given secret values in a byte stream with `[masked:NAME]`,
 * also when a value is split across chunks: the last (longest value − 1) bytes are held back until
 * the next chunk or the end.
 */
export class Masker {
  private readonly values: { readonly name: string; readonly bytes: Buffer }[];
  private readonly hold: number;
  private carry: Buffer = Buffer.alloc(0);

  constructor(secrets: ReadonlyMap<string, string>) {
    this.values = [...secrets.entries()]
      .filter(([, value]) => value.length >= MIN_MASKED_LENGTH)
      .map(([name, value]) => ({ name, bytes: Buffer.from(value, "utf8") }))
      .sort((a, b) => b.bytes.length - a.bytes.length);
    this.hold = Math.max(0, ...this.values.map((v) => v.bytes.length - 1));
  }

  /** Mask what can be decided now; returns the bytes to write. */
  push(chunk: Buffer): Buffer {
    if (this.values.length === 0) return chunk;
    const data = Buffer.concat([this.carry, chunk]);
    const { out, consumed } = this.replace(data, data.length - this.hold);
    this.carry = data.subarray(consumed);
    return out;
  }

  /** Everything held back, masked. */
  flush(): Buffer {
    const { out } = this.replace(this.carry, this.carry.length);
    this.carry = Buffer.alloc(0);
    return out;
  }

  /** Mask matches that start before `limit`; returns the output and how many input bytes it covers. */
  private replace(data: Buffer, limit: number): { out: Buffer; consumed: number } {
    const parts: Buffer[] = [];
    let at = 0;
    while (at < limit) {
      let best: { index: number; value: { name: string; bytes: Buffer } } | undefined;
      for (const value of this.values) {
        const index = data.indexOf(value.bytes, at);
        if (index >= 0 && index < limit && (best === undefined || index < best.index)) best = { index, value };
      }
      if (best === undefined) {
        parts.push(data.subarray(at, limit));
        at = limit;
        break;
      }
      parts.push(data.subarray(at, best.index), Buffer.from(`[masked:${best.value.name}]`));
      at = best.index + best.value.bytes.length;
    }
    return { out: Buffer.concat(parts), consumed: Math.max(at, 0) };
  }
}
