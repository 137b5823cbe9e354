// Rewrites README.md's marked examples from examples/*.ts, which the type-check compiles.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { syncReadmeExamples } from '../../../tooling/test-utils/src/readme-examples.js';

const path = fileURLToPath(new URL('../README.md', import.meta.url));
writeFileSync(path, syncReadmeExamples(readFileSync(path, 'utf8'), path));
