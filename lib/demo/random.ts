/**
 * Seeded randomness for the demo data. Every story draws from its own stream, derived from the
 * seed and labels (season, municipality, …), so one story never shifts another and the same seed
 * always gives the same rows. No Math.random, no clock.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { v4 as uuidv4, v7 as uuidv7 } from 'uuid';

/** cyrb128: four well-mixed 32-bit words from a string (public-domain string hash). */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 | 0, h2 | 0, h3 | 0, h4 | 0];
}

/** A uniform number in [0, 1) that depends only on the text (no seed): for seed-independent traits. */
export function stableFraction(text: string): number {
  return (hash128(text)[0] >>> 0) / 0x1_0000_0000;
}

const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

export class Random {
  private constructor(private readonly generator: RandomGenerator) {}

  /** An independent stream for the seed and labels. */
  static stream(seed: number, ...labels: readonly (string | number)[]): Random {
    const state = hash128([seed, ...labels].join('\u001f'));
    if (state.every((word) => word === 0)) state[3] = 1;
    return new Random(xoroshiro128plusFromState(state));
  }

  /** Uniform in [0, 1). */
  float(): number {
    return uniformFloat64(this.generator);
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return uniformInt(this.generator, min, max);
  }

  /** Uniform real in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.float();
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[this.int(0, items.length - 1)] as T;
  }

  /** One value, chosen with the given relative weights. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    if (!(total > 0)) throw new RangeError('weights must add up to more than zero');
    let target = this.float() * total;
    for (const [value, weight] of entries) {
      target -= weight;
      if (target < 0) return value;
    }
    return (entries[entries.length - 1] as readonly [T, number])[0];
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const result = [...items];
    for (let i = result.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [result[i], result[j]] = [result[j] as T, result[i] as T];
    }
    return result;
  }

  /** A Poisson-distributed count (Knuth's method; fine for the small means used here). */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let count = 0;
    let product = this.float();
    while (product > limit) {
      count++;
      product *= this.float();
    }
    return count;
  }

  hex(length: number): string {
    let text = '';
    // Each step of the generator gives 32 uniform bits: four bytes, eight hex digits.
    while (text.length < length) {
      const bits = this.generator.next();
      text +=
        (HEX_BYTES[bits & 0xff] as string) +
        HEX_BYTES[(bits >>> 8) & 0xff] +
        HEX_BYTES[(bits >>> 16) & 0xff] +
        HEX_BYTES[bits >>> 24];
    }
    return text.length === length ? text : text.slice(0, length);
  }

  digits(length: number): string {
    let text = '';
    for (let i = 0; i < length; i++) text += String(this.int(0, 9));
    return text;
  }

  /** 16 bytes from the stream, for the uuid library's `random` option. */
  private uuidBytes(): Uint8Array {
    const bytes = new Uint8Array(16);
    for (let i = 0; i < 16; i += 4) {
      const bits = this.generator.next();
      bytes.set([bits & 0xff, (bits >>> 8) & 0xff, (bits >>> 16) & 0xff, bits >>> 24], i);
    }
    return bytes;
  }

  /** A random (version 4) UUID, as senders generate for MsgIds. */
  uuidV4(): string {
    return uuidv4({ random: this.uuidBytes() });
  }

  /** A time-ordered (version 7) UUID for the instant, as the database would give a row created then. */
  uuidV7(at: Date): string {
    return uuidv7({ msecs: at.getTime(), random: this.uuidBytes() });
  }
}
