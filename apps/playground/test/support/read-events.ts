import type { DashboardEvent } from '../../src/ui/dashboard-events.js';

/** An open server-sent event stream that parses `data:` lines as dashboard events. */
export interface EventReader {
  /** Resolves with the next `count` events, waiting for them to arrive. */
  next(count: number): Promise<DashboardEvent[]>;
  /** Resolves when the server ends the stream. */
  ended(): Promise<void>;
  close(): void;
}

export async function openEventStream(
  url: string,
  headers: Record<string, string> = {},
): Promise<EventReader> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  if (!response.body) throw new Error(`${url} returned no body`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const queue: DashboardEvent[] = [];
  let buffer = '';
  let done = false;

  async function pull(): Promise<void> {
    const chunk = await reader.read();
    if (chunk.done) {
      done = true;
      return;
    }
    buffer += decoder.decode(chunk.value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end !== -1) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = frame.split('\n').find((line) => line.startsWith('data: '));
      if (data) queue.push(JSON.parse(data.slice('data: '.length)) as DashboardEvent);
      end = buffer.indexOf('\n\n');
    }
  }

  return {
    async next(count) {
      while (queue.length < count) {
        if (done) throw new Error(`The stream ended after ${queue.length} of ${count} events`);
        await pull();
      }
      return queue.splice(0, count);
    },
    async ended() {
      while (!done) await pull();
    },
    close: () => controller.abort(),
  };
}
