import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readmeExamples } from '@patchbay/test-utils';
import { describe, expect, it } from 'vitest';
import { renderReadme, renderScopeTable } from '../scripts/readme-sections.js';

const readmePath = fileURLToPath(new URL('../README.md', import.meta.url));
const readme = readFileSync(readmePath, 'utf8');

describe('hubspot README', () => {
  it('embeds the tables rendered from the code', () => {
    expect(renderReadme(readme, readmePath)).toBe(readme);
    expect(readme).toContain('| 429 with `policyName` `DAILY` | `rate_limit` | no |');
    expect(readme).toContain(renderScopeTable());
  });

  it('shows examples identical to the compiled example files', () => {
    const examples = readmeExamples(readmePath);
    expect(examples.map((example) => example.path).sort()).toEqual([
      'examples/associations.ts',
      'examples/batch.ts',
      'examples/contact-history.ts',
      'examples/deals.ts',
      'examples/oauth.ts',
      'examples/quick-start.ts',
      'examples/search.ts',
      'examples/testing.ts',
      'examples/webhooks.ts',
    ]);
    for (const example of examples) expect(example.inReadme, example.path).toBe(example.inFile);
  });
});
