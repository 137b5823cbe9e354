import { afterEach, beforeEach } from 'vitest';

// Fails any test that writes to the console. Library code must report through events and
// the injected logger, so a console call from a test run is a defect wherever it comes from.
const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table'] as const;

type ConsoleMethod = (typeof methods)[number];

const calls: string[] = [];
const originals = new Map<ConsoleMethod, (...args: unknown[]) => void>();

beforeEach(() => {
  calls.length = 0;
  for (const method of methods) {
    originals.set(method, console[method] as (...args: unknown[]) => void);
    console[method] = (...args: unknown[]) => {
      calls.push(`console.${method}(${args.map((arg) => String(arg)).join(', ')})`);
    };
  }
});

afterEach(() => {
  for (const [method, original] of originals) {
    console[method] = original;
  }
  if (calls.length > 0) {
    const written = calls.splice(0).join('\n');
    throw new Error(`The test wrote to the console, which Patchbay code must never do:\n${written}`);
  }
});
