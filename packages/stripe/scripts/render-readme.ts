// Regenerates README.md's Stripe error rows from `stripeErrorRows` (the data the classifier
// implements) and its examples from examples/*.ts, which the type-check compiles. A test fails
// when the README is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { syncReadmeExamples } from '../../../tooling/test-utils/src/readme-examples.js';
import { renderServiceErrorRows, replaceMarkedSection } from '../../core/src/errors/render-error-matrix.js';
import { stripeErrorRows } from '../src/errors/stripe-error-rows.js';

const path = fileURLToPath(new URL('../README.md', import.meta.url));
const readme = readFileSync(path, 'utf8');
writeFileSync(
  path,
  syncReadmeExamples(
    replaceMarkedSection(readme, 'stripe-error-rows', renderServiceErrorRows(stripeErrorRows)),
    path,
  ),
);
