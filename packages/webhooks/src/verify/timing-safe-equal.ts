import { timingSafeEqual } from 'node:crypto';

/**
 * Compares two strings in time that depends only on their lengths. Strings of different lengths
 * return `false` after a comparison of `expected` with itself, so the time spent does not reveal
 * how many leading bytes matched.
 */
export function timingSafeEqualStrings(expected: string, received: string): boolean {
  const expectedBytes = Buffer.from(expected, 'utf8');
  const receivedBytes = Buffer.from(received, 'utf8');
  if (expectedBytes.byteLength !== receivedBytes.byteLength) {
    timingSafeEqual(expectedBytes, expectedBytes);
    return false;
  }
  return timingSafeEqual(expectedBytes, receivedBytes);
}
