import { readdir } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import type { RunSettings } from './dashboard-events.js';

/** Body of `POST /api/runs`. A non-empty `csvPath` wins over `csv`. */
const runRequestSchema = z.strictObject({
  /** File name of a CSV in the data folder. */
  csv: z.string().optional(),
  /** Path of any CSV. A relative path is taken from the directory the playground started in. */
  csvPath: z.string().optional(),
  chaos: z.boolean().default(false),
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(7),
});

/** A run request the server rejects with 400. The message names the field and the fix. */
export class InvalidRunRequestError extends Error {
  override name = 'InvalidRunRequestError';
}

/** Lists the CSV files in `dataDir`, sorted by name. */
export async function listCsvFiles(dataDir: string): Promise<string[]> {
  const entries = await readdir(dataDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.csv'))
    .map((entry) => entry.name)
    .sort();
}

/**
 * Checks a run request and resolves its CSV to an absolute path. Whether the file can be read is
 * left to the run, which reports an unreadable CSV as a configuration error.
 */
export async function parseRunRequest(
  body: unknown,
  paths: { dataDir: string; invokedFrom: string },
): Promise<RunSettings> {
  const parsed = runRequestSchema.safeParse(body);
  if (!parsed.success) {
    const details = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
      .join('; ');
    throw new InvalidRunRequestError(`Invalid run request (${details}).`);
  }
  const { csv, chaos, seed } = parsed.data;
  const csvPath = parsed.data.csvPath?.trim();

  if (csvPath) {
    return { csvPath: isAbsolute(csvPath) ? csvPath : resolve(paths.invokedFrom, csvPath), chaos, seed };
  }
  const available = await listCsvFiles(paths.dataDir);
  if (csv === undefined || !available.includes(csv)) {
    throw new InvalidRunRequestError(
      `${csv === undefined ? 'No CSV was chosen' : `"${csv}" is not a CSV in ${paths.dataDir}`}; choose one of ${available.join(', ')} or enter a path.`,
    );
  }
  return { csvPath: join(paths.dataDir, csv), chaos, seed };
}
