import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DashboardEvent, DashboardEventBody } from './dashboard-events.js';

export interface EventStreamOptions {
  /**
   * Events of the current run kept for pages that connect late or reconnect. Past it the oldest
   * events after `run-started` are dropped, so a late page misses them.
   * @default 200_000
   */
  maxBacklog?: number;
  /** Clock in epoch milliseconds, for tests. @default Date.now */
  now?: () => number;
}

/**
 * Sends dashboard events to every connected page as server-sent events. Each event gets an
 * increasing `id` and `atMs`, the milliseconds since the current run started. The events of the
 * current run are kept, so a page that connects mid-run, or reconnects with `Last-Event-ID`,
 * receives the ones it missed before the live ones.
 */
export class EventStream {
  readonly #maxBacklog: number;
  readonly #now: () => number;
  readonly #clients = new Set<ServerResponse>();
  #backlog: DashboardEvent[] = [];
  #nextId = 1;
  #runStartedAtMs: number;

  constructor(options: EventStreamOptions = {}) {
    this.#maxBacklog = options.maxBacklog ?? 200_000;
    this.#now = options.now ?? Date.now;
    this.#runStartedAtMs = this.#now();
  }

  /** Pages connected now. */
  get clientCount(): number {
    return this.#clients.size;
  }

  /** Stamps an event, keeps it in the backlog and sends it to every connected page. */
  publish(body: DashboardEventBody): DashboardEvent {
    const now = this.#now();
    if (body.type === 'run-started') {
      this.#backlog = [];
      this.#runStartedAtMs = now;
    }
    const event = { ...body, id: this.#nextId, atMs: now - this.#runStartedAtMs } as DashboardEvent;
    this.#nextId += 1;

    this.#backlog.push(event);
    if (this.#backlog.length > this.#maxBacklog) this.#backlog.splice(1, 1);

    const frame = formatFrame(event);
    for (const client of this.#clients) client.write(frame);
    return event;
  }

  /** Serves a `text/event-stream` response: the missed events first, then every new one. */
  subscribe(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    // EventSource reconnects after this many milliseconds when the connection drops.
    response.write('retry: 1000\n\n');

    const lastId = Number(request.headers['last-event-id']);
    const missed = Number.isSafeInteger(lastId)
      ? this.#backlog.filter((event) => event.id > lastId)
      : this.#backlog;
    for (const event of missed) response.write(formatFrame(event));

    this.#clients.add(response);
    response.on('close', () => this.#clients.delete(response));
  }

  /** Ends every open stream, so the HTTP server can close. */
  close(): void {
    for (const client of this.#clients) client.end();
    this.#clients.clear();
  }
}

function formatFrame(event: DashboardEvent): string {
  return `id: ${event.id}\ndata: ${JSON.stringify(event)}\n\n`;
}
