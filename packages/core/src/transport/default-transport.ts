import { createFetchTransport } from './fetch-transport.js';
import type { Transport } from './transport.js';

/** The transport a client uses when none is given. The Node build replaces this module. */
export function createDefaultTransport(): Transport {
  return createFetchTransport();
}
