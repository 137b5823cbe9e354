/** Creates a random source in [0, 1) from a 32-bit seed (mulberry32), so fault runs can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Creates Stripe-looking ids (`cus_` plus 14 characters) from a random source. */
export function idGenerator(random: () => number): (prefix: string, length?: number) => string {
  return (prefix, length = 14) => {
    let suffix = '';
    for (let index = 0; index < length; index += 1)
      suffix += alphabet[Math.floor(random() * alphabet.length)];
    return `${prefix}_${suffix}`;
  };
}
