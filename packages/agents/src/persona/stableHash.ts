/**
 * A 53-bit non-cryptographic hash of a string as 14 hex digits (the cyrb53 construction:
 * two 32-bit multiply-xorshift lanes mixed at the end; bryc, public domain).
 *
 * Intuition: persona ids must be short, stable across runs and machines, and distinct across
 * a million personas; 32-bit hashes collide among 15,064 personas with a few per cent
 * probability (birthday bound), 53 bits make it about 1e-4 for a million.
 *
 * @param text - the canonical text
 * @param seed - lane seed (default 0)
 * @returns 14 lower-case hex digits
 */
export function stableHash(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const value = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return value.toString(16).padStart(14, '0');
}
