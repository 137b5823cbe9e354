import { createNodeTransport } from './node-transport.js';
import type { Transport } from './transport.js';

/** The transport a client uses on Node when none is given: undici's dispatcher. */
export function createDefaultTransport(): Transport {
  return createNodeTransport();
}
