import { describe, expect, it } from 'vitest';
import { PlaygroundConfigError } from '../services/run-mode.js';
import { parseCliArgs } from './parse-args.js';

describe('parseCliArgs', () => {
  it('resolves paths from the invoking directory and applies defaults', () => {
    const options = parseCliArgs(
      ['--csv', 'leads/mine.csv', '--chaos'],
      '/home/me/project',
      '/repo/apps/playground',
    );
    expect(options).toMatchObject({
      csvPath: '/home/me/project/leads/mine.csv',
      chaos: true,
      live: false,
      seed: 7,
      reportDir: '/repo/apps/playground/reports',
    });
    expect(parseCliArgs([], '/x', '/repo/apps/playground').csvPath).toBe(
      '/repo/apps/playground/data/leads.csv',
    );
  });

  it('reads the dashboard options', () => {
    const options = parseCliArgs(['--ui', '--ui-port', '0'], '/x', '/repo/apps/playground');
    expect(options.ui).toBe(true);
    expect(options.uiPort).toBe(0);

    const defaults = parseCliArgs(['--ui'], '/x', '/repo/apps/playground');
    expect(defaults.uiPort).toBeUndefined();
    expect(parseCliArgs([], '/x', '/y').ui).toBe(false);
  });

  it.each([
    [['--seed', 'abc'], '--seed must be a whole number >= 0; received "abc".'],
    [
      ['--redis', 'localhost:6379'],
      '--redis must be a redis:// or rediss:// URL; received "localhost:6379".',
    ],
    [['--allow-live-stripe'], '--allow-live-stripe only makes sense with --live.'],
    [['--bogus'], "Unknown option '--bogus'"],
    [['--ui', '--ui-port', '70000'], '--ui-port must be a port number from 0 to 65535; received "70000".'],
    [['--ui-port', '4173'], '--ui-port only makes sense with --ui.'],
  ])('rejects %j', (args, message) => {
    expect(() => parseCliArgs(args, '/x', '/y')).toThrow(PlaygroundConfigError);
    expect(() => parseCliArgs(args, '/x', '/y')).toThrow(message);
  });
});
