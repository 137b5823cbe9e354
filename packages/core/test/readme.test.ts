import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readmeExamples } from '@patchbay/test-utils';
import { describe, expect, it } from 'vitest';
import { renderErrorMatrix, replaceMarkedSection } from '../src/errors/render-error-matrix.js';

const readmePath = fileURLToPath(new URL('../README.md', import.meta.url));
const readme = readFileSync(readmePath, 'utf8');

describe('core README', () => {
  it('embeds the error matrix rendered from the code', () => {
    expect(replaceMarkedSection(readme, 'error-matrix', renderErrorMatrix())).toBe(readme);
  });

  it('shows examples identical to the compiled example files', () => {
    const examples = readmeExamples(readmePath);
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const example of examples) expect(example.inReadme, example.path).toBe(example.inFile);
  });
});
