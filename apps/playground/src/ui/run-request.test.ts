import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InvalidRunRequestError, listCsvFiles, parseRunRequest } from './run-request.js';

const dataDir = fileURLToPath(new URL('../../data/', import.meta.url));
const paths = { dataDir, invokedFrom: '/home/me/project' };

describe('parseRunRequest', () => {
  it('resolves a CSV from the data folder', async () => {
    expect(await parseRunRequest({ csv: 'messy-leads.csv', chaos: true, seed: 11 }, paths)).toEqual({
      csvPath: join(dataDir, 'messy-leads.csv'),
      chaos: true,
      seed: 11,
    });
  });

  it('prefers a path and resolves it from the invoking directory', async () => {
    const settings = await parseRunRequest({ csv: 'leads.csv', csvPath: ' exports/leads.csv ' }, paths);

    expect(settings).toEqual({ csvPath: '/home/me/project/exports/leads.csv', chaos: false, seed: 7 });
    expect((await parseRunRequest({ csvPath: '/data/x.csv' }, paths)).csvPath).toBe('/data/x.csv');
  });

  it('uses the list when the path is blank', async () => {
    const settings = await parseRunRequest({ csv: 'leads.csv', csvPath: '   ' }, paths);
    expect(settings.csvPath).toBe(join(dataDir, 'leads.csv'));
  });

  it.each([
    [
      { csv: '../secrets.csv' },
      `"../secrets.csv" is not a CSV in ${dataDir}; choose one of leads.csv, messy-leads.csv or enter a path.`,
    ],
    [{}, 'No CSV was chosen; choose one of leads.csv, messy-leads.csv or enter a path.'],
    [{ csv: 'leads.csv', seed: -1 }, 'Invalid run request (seed: Too small: expected number to be >=0).'],
    [
      { csv: 'leads.csv', seed: 1.5 },
      'Invalid run request (seed: Invalid input: expected int, received number).',
    ],
    [{ csv: 'leads.csv', live: true }, 'Invalid run request (body: Unrecognized key: "live").'],
    [[], 'Invalid run request (body: Invalid input: expected object, received array).'],
  ])('rejects %j', async (body, message) => {
    const result = parseRunRequest(body, paths);
    await expect(result).rejects.toThrow(InvalidRunRequestError);
    await expect(parseRunRequest(body, paths)).rejects.toThrow(message);
  });
});

describe('listCsvFiles', () => {
  it('lists the CSV files by name', async () => {
    expect(await listCsvFiles(dataDir)).toEqual(['leads.csv', 'messy-leads.csv']);
  });
});
