import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type EventReader, openEventStream } from '../../test/support/read-events.js';
import type { RunSettings } from './dashboard-events.js';
import { EventStream } from './event-stream.js';

const settings: RunSettings = { csvPath: '/data/leads.csv', chaos: false, seed: 7 };
const servers: Server[] = [];
const readers: EventReader[] = [];

afterEach(async () => {
  for (const reader of readers.splice(0)) reader.close();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(stream: EventStream): Promise<string> {
  const server = createServer((request, response) => stream.subscribe(request, response));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

async function subscribe(url: string, headers?: Record<string, string>): Promise<EventReader> {
  const reader = await openEventStream(url, headers);
  readers.push(reader);
  return reader;
}

describe('EventStream', () => {
  it('numbers events and times them from the run start', () => {
    let now = 1_000;
    const stream = new EventStream({ now: () => now });

    now = 5_000;
    const started = stream.publish({ type: 'run-started', runId: 1, startedAt: 'x', settings });
    now = 5_250;
    const line = stream.publish({ type: 'line', text: 'Read 9 rows' });

    expect(started).toMatchObject({ id: 1, atMs: 0 });
    expect(line).toEqual({ type: 'line', text: 'Read 9 rows', id: 2, atMs: 250 });
  });

  it('replays the current run to a late page, then streams', async () => {
    const stream = new EventStream();
    const url = await serve(stream);
    stream.publish({ type: 'line', text: 'from an earlier run' });
    stream.publish({ type: 'run-started', runId: 2, startedAt: 'x', settings });
    stream.publish({ type: 'line', text: 'first' });

    const reader = await subscribe(url);
    const replayed = await reader.next(2);
    stream.publish({ type: 'line', text: 'live' });
    const [live] = await reader.next(1);

    expect(replayed.map((event) => event.type)).toEqual(['run-started', 'line']);
    expect(replayed.map((event) => event.id)).toEqual([2, 3]);
    expect(live).toMatchObject({ id: 4, text: 'live' });
    expect(stream.clientCount).toBe(1);
  });

  it('sends a reconnecting page only the events after Last-Event-ID', async () => {
    const stream = new EventStream();
    const url = await serve(stream);
    stream.publish({ type: 'run-started', runId: 1, startedAt: 'x', settings });
    stream.publish({ type: 'line', text: 'seen' });
    stream.publish({ type: 'line', text: 'missed' });

    const reader = await subscribe(url, { 'last-event-id': '2' });
    stream.publish({ type: 'line', text: 'live' });

    expect((await reader.next(2)).map((event) => event.id)).toEqual([3, 4]);
  });

  it('keeps run-started when the backlog is full', async () => {
    const stream = new EventStream({ maxBacklog: 3 });
    const url = await serve(stream);
    stream.publish({ type: 'run-started', runId: 1, startedAt: 'x', settings });
    for (const text of ['a', 'b', 'c', 'd']) stream.publish({ type: 'line', text });

    const reader = await subscribe(url);

    expect((await reader.next(3)).map((event) => event.id)).toEqual([1, 4, 5]);
  });

  it('ends every stream on close', async () => {
    const stream = new EventStream();
    const url = await serve(stream);
    const reader = await subscribe(url);
    stream.publish({ type: 'line', text: 'x' });
    await reader.next(1);

    stream.close();

    await reader.ended();
    expect(stream.clientCount).toBe(0);
  });
});
