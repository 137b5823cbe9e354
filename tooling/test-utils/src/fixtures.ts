import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const fixturesDir = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

/** Absolute path of a file under the repository's `fixtures/` folder (see its SOURCES.md). */
export function fixturePath(relative: string): string {
  return `${fixturesDir}${relative}`;
}

export function readFixture(relative: string): string {
  return readFileSync(fixturePath(relative), 'utf8');
}

export function readJsonFixture<T = unknown>(relative: string): T {
  return JSON.parse(readFixture(relative)) as T;
}
