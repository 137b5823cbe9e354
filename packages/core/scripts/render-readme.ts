// Regenerates README.md's error matrix from the data the retry logic reads, and its examples
// from examples/*.ts (which the type-check compiles). A test fails when the README is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { syncReadmeExamples } from '../../../tooling/test-utils/src/readme-examples.js';
import { renderErrorMatrix, replaceMarkedSection } from '../src/errors/render-error-matrix.js';

const path = fileURLToPath(new URL('../README.md', import.meta.url));
const readme = readFileSync(path, 'utf8');
writeFileSync(
  path,
  syncReadmeExamples(replaceMarkedSection(readme, 'error-matrix', renderErrorMatrix()), path),
);
