import { describe, expect, it } from 'vitest';
import { MemoryDedupStore } from './memory-dedup-store.js';

function clock(startMs = 1_700_000_000_000) {
  let nowMs = startMs;
  return { now: () => nowMs, advance: (ms: number) => (nowMs += ms) };
}

describe('MemoryDedupStore', () => {
  it('claims a new key once', () => {
    const store = new MemoryDedupStore();
    expect(store.claim('evt_1', 1000)).toBe('claimed');
    expect(store.claim('evt_1', 1000)).toBe('in-progress');
  });

  it('reports a processed key as duplicate until the TTL passes', () => {
    const time = clock();
    const store = new MemoryDedupStore({ now: time.now });
    store.claim('evt_1', 1000);
    store.markProcessed('evt_1', 60_000);
    time.advance(59_999);
    expect(store.claim('evt_1', 1000)).toBe('duplicate');
    time.advance(1);
    expect(store.claim('evt_1', 1000)).toBe('claimed');
  });

  it('lets a released key be claimed again', () => {
    const store = new MemoryDedupStore();
    store.claim('evt_1', 1000);
    store.release('evt_1');
    expect(store.claim('evt_1', 1000)).toBe('claimed');
  });

  it('does not release a processed key', () => {
    const store = new MemoryDedupStore();
    store.claim('evt_1', 1000);
    store.markProcessed('evt_1', 60_000);
    store.release('evt_1');
    expect(store.claim('evt_1', 1000)).toBe('duplicate');
  });

  it('expires a claim after its lease', () => {
    const time = clock();
    const store = new MemoryDedupStore({ now: time.now });
    store.claim('evt_1', 5000);
    time.advance(5000);
    expect(store.claim('evt_1', 5000)).toBe('claimed');
  });

  it('evicts the oldest entries beyond maxEntries', () => {
    const store = new MemoryDedupStore({ maxEntries: 3 });
    for (const id of ['a', 'b', 'c', 'd']) {
      store.claim(id, 1000);
      store.markProcessed(id, 60_000);
    }
    expect(store.size).toBe(3);
    expect(store.claim('a', 1000)).toBe('claimed');
    expect(store.claim('d', 1000)).toBe('duplicate');
  });

  it('sweeps expired entries before evicting live ones', () => {
    const time = clock();
    const store = new MemoryDedupStore({ maxEntries: 2, now: time.now });
    store.markProcessed('short', 10);
    store.markProcessed('long', 60_000);
    time.advance(10);
    store.markProcessed('new', 60_000);
    expect(store.size).toBe(2);
    expect(store.claim('long', 1000)).toBe('duplicate');
  });
});
