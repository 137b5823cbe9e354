/**
 * Sizes of each measurement. `full` is what `pnpm bench` runs and BENCHMARKS.md reports. `smoke`
 * runs every measurement kind once at a tiny size, for the harness's own test.
 */
export const settings = {
  full: {
    overhead: {
      rounds: 5,
      warmupMs: 400,
      sequentialMs: 500,
      throughputMs: 1200,
      inFlight: 64,
      profileMs: 3000,
    },
    rateLimit: { rounds: 3, requests: 300, limit: 50, windowMs: 1000 },
    webhooks: { rounds: 3, warmupMs: 200, durationMs: 800, profileMs: 2000 },
    memory: { total: 100_000, every: 10_000, inFlight: 64 },
    leadSync: { rounds: 3, leads: 10_000 },
    redis: {
      rounds: 3,
      startDelayMs: 900,
      durationMs: 1500,
      inFlight: 64,
      processes: [1, 4],
      rolling: { processes: 4, requests: 600, limit: 100, windowMs: 1000 },
    },
  },
  smoke: {
    overhead: { rounds: 1, warmupMs: 100, sequentialMs: 100, throughputMs: 200, inFlight: 16, profileMs: 0 },
    rateLimit: { rounds: 1, requests: 60, limit: 50, windowMs: 1000 },
    webhooks: { rounds: 1, warmupMs: 20, durationMs: 100, profileMs: 0 },
    memory: { total: 2_000, every: 1_000, inFlight: 16 },
    leadSync: { rounds: 1, leads: 300 },
    redis: {
      rounds: 1,
      startDelayMs: 400,
      durationMs: 200,
      inFlight: 16,
      processes: [1, 4],
      rolling: { processes: 4, requests: 120, limit: 100, windowMs: 1000 },
    },
  },
};
