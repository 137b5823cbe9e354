import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const playgroundBundle = fileURLToPath(new URL('../../.build/playground.mjs', import.meta.url));

/**
 * Compiles the playground's lead-sync workflow with esbuild. Returns `{ ok: true }` when the
 * bundle builds and imports, else `{ ok: false, reason }`, because the playground changes often
 * and the measurement then falls back to the same request pattern written here.
 */
export async function buildPlaygroundBundle() {
  try {
    const { build } = await import('esbuild');
    mkdirSync(fileURLToPath(new URL('../../.build/', import.meta.url)), { recursive: true });
    await build({
      entryPoints: [fileURLToPath(new URL('./playground-entry.mjs', import.meta.url))],
      outfile: playgroundBundle,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: ['@patchbay/*', 'zod'],
      logLevel: 'silent',
    });
    const module = await import(`${playgroundBundle}?checked=${Date.now()}`);
    for (const name of ['readLeadsCsv', 'ruleBasedQualifier', 'demoPipeline', 'runLeadSync']) {
      if (module[name] === undefined) return { ok: false, reason: `the bundle does not export ${name}` };
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}
