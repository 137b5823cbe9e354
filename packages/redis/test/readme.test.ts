import { fileURLToPath } from 'node:url';
import { readmeExamples } from '@patchbay/test-utils';
import { describe, expect, it } from 'vitest';

describe('redis README', () => {
  it('shows examples identical to the compiled example files', () => {
    const examples = readmeExamples(fileURLToPath(new URL('../README.md', import.meta.url)));
    expect(examples.map((example) => example.path)).toEqual([
      'examples/shared-limits.ts',
      'examples/oauth-tokens.ts',
      'examples/webhook-dedup.ts',
      'examples/outgoing-deliveries.ts',
    ]);
    for (const example of examples) expect(example.inReadme, example.path).toBe(example.inFile);
  });
});
