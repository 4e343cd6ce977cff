/**
 * A seeded pseudo-random number generator (xoshiro128**), the only source of randomness in
 * emocrowd: every random draw comes from an `Rng` owned by the run, so a run is a pure
 * function of its parameters and seed. `fork(label)` derives an independent stream, so adding
 * draws to one part of a run never shifts the draws of another.
 *
 * @example
 * const rng = createRng(42);
 * rng.next();              // uniform in [0, 1)
 * rng.fork('personas');    // an independent, reproducible stream
 */
export interface Rng {
  /** The seed this stream was created from (for forks, the derived seed). */
  readonly seed: number;
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal draw (Box-Muller). */
  normal(): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** Fisher-Yates shuffle in place; returns the array. */
  shuffle<T>(items: T[]): T[];
  /** An independent stream derived from this stream's seed and a label. */
  fork(label: string | number): Rng;
}

/** 32-bit FNV-1a hash of a string, used to derive seeds from labels and ids. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Creates a stream from a numeric or string seed. */
export function createRng(seed: number | string): Rng {
  return new Xoshiro128(typeof seed === 'number' ? seed >>> 0 : hashString(seed));
}

/**
 * xoshiro128** (Blackman & Vigna 2018) seeded through splitmix32; methods live on the prototype, so
 * creating one is cheap. The state words are kept as signed 32-bit integers (the same bits), which
 * V8 stores unboxed: a draw is a few integer operations, not a handful of heap-number writes.
 */
class Xoshiro128 implements Rng {
  readonly seed: number;
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare: number | undefined = undefined;

  constructor(seed: number) {
    this.seed = seed;
    const init = splitmix32(seed);
    this.a = init() | 0;
    this.b = init() | 0;
    this.c = init() | 0;
    this.d = init() | 0;
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  private nextU32(): number {
    const b = this.b;
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const c = this.c ^ this.a;
    const d = this.d ^ b;
    this.b = b ^ c;
    this.a ^= d;
    this.c = c ^ (b << 9);
    this.d = rotl(d, 11);
    return result;
  }

  next = (): number => this.nextU32() / 4294967296;

  int(n: number): number {
    return Math.floor((this.nextU32() / 4294967296) * n);
  }

  normal(): number {
    if (this.spare !== undefined) {
      const value = this.spare;
      this.spare = undefined;
      return value;
    }
    let u = 0;
    while (u === 0) u = this.nextU32() / 4294967296;
    const v = this.nextU32() / 4294967296;
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() needs a non-empty array');
    return items[this.int(items.length)] as T;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }

  fork(label: string | number): Rng {
    return new Xoshiro128(hashString(`${this.seed}:${label}`));
  }
}

/** Rotates the 32 bits of x left by k, as a signed 32-bit integer. */
function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
