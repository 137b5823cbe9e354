import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../errors/request-errors.js';
import { runBatches } from './run-batches.js';

const inputs = Array.from({ length: 250 }, (_, index) => `item-${index}`);

describe('runBatches', () => {
  it('chunks to the maximum and keeps original indexes', async () => {
    const sizes: number[] = [];
    const result = await runBatches({
      inputs,
      chunkSize: 100,
      run: async (chunk) => {
        sizes.push(chunk.length);
        return {
          results: chunk.flatMap((input, index) =>
            input.endsWith('7') ? [] : [{ index, value: input.toUpperCase() }],
          ),
          errors: chunk.flatMap((input, index) =>
            input.endsWith('7') ? [{ index, error: `bad ${input}` }] : [],
          ),
        };
      },
    });
    expect(sizes.sort((a, b) => b - a)).toEqual([100, 100, 50]);
    expect(result.results).toHaveLength(225);
    expect(result.errors).toHaveLength(25);
    expect(result.results[0]).toEqual({ index: 0, input: 'item-0', value: 'ITEM-0' });
    expect(result.errors.map((error) => error.index).slice(0, 3)).toEqual([7, 17, 27]);
    expect(result.errors[24]).toEqual({ index: 247, input: 'item-247', error: 'bad item-247' });
    expect(result.results.map((item) => item.index)).toEqual(
      [...result.results.map((item) => item.index)].sort((a, b) => a - b),
    );
  });

  it('records a failed chunk against every input in it', async () => {
    const result = await runBatches({
      inputs,
      chunkSize: 100,
      run: async (chunk, { start }) => {
        if (start === 100) throw new Error('chunk failed');
        return { results: chunk.map((input, index) => ({ index, value: input })), errors: [] };
      },
    });
    expect(result.results).toHaveLength(150);
    expect(result.errors).toHaveLength(100);
    expect(result.errors[0]?.index).toBe(100);
    expect(result.errors[99]?.index).toBe(199);
    expect(result.failedChunks).toEqual([{ start: 100, end: 200, error: new Error('chunk failed') }]);
  });

  it('keeps errors that name no input', async () => {
    const result = await runBatches({
      inputs: ['a', 'b'],
      chunkSize: 10,
      run: async () => ({ results: [], errors: [{ index: undefined, error: 'unknown id 99' }] }),
    });
    expect(result.errors).toEqual([{ index: undefined, input: undefined, error: 'unknown id 99' }]);
  });

  it('bounds chunks in flight', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    await runBatches({
      inputs,
      chunkSize: 10,
      concurrency: 3,
      run: async (chunk) => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight -= 1;
        return { results: chunk.map((value, index) => ({ index, value })), errors: [] };
      },
    });
    expect(maxInFlight).toBe(3);
  });

  it('rejects a bad chunk size', async () => {
    await expect(
      runBatches({ inputs, chunkSize: 0, run: async () => ({ results: [], errors: [] }) }),
    ).rejects.toBeInstanceOf(ConfigurationError);
  });
});
