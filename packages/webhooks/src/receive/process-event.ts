import type { Logger } from '@patchbay/core';
import type { z } from 'zod';
import type { DedupStore } from './dedup-store.js';
import type { IncomingEvent } from './extract-events.js';
import type { EventOutcome } from './receive-result.js';
import type { WebhookEventContext, WebhookHandler } from './webhook-handler.js';

export interface ProcessEventSettings {
  handlers: Readonly<Record<string, WebhookHandler<z.ZodType> | undefined>>;
  dedupe: { store: DedupStore; ttlMs: number; leaseMs: number } | undefined;
  logger: Logger;
  now: () => number;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs one event through schema validation, deduplication and its handler. Failures become
 * outcomes, so only a throwing logger can make it reject. A handler error or a dedup store that
 * fails becomes `failed` (answered with 500), and the claim is released so the retry runs again.
 */
export async function processEvent(
  event: IncomingEvent,
  context: Omit<WebhookEventContext, 'id' | 'type'>,
  settings: ProcessEventSettings,
): Promise<EventOutcome> {
  const { id, type } = event;
  const { logger, dedupe, now } = settings;
  const handler =
    type !== undefined && Object.hasOwn(settings.handlers, type) ? settings.handlers[type] : undefined;
  if (type === undefined || handler === undefined) {
    logger.debug(
      { eventId: id, type },
      'No handler for this webhook event type, so it was acknowledged and ignored.',
    );
    return { outcome: 'ignored', id, type };
  }

  const startedAt = now();
  const dedupeKey = dedupe && id !== undefined ? `${context.scheme}:${id}` : undefined;
  let claimed = false;
  try {
    const parsed = await handler.schema.safeParseAsync(event.payload);
    if (!parsed.success) {
      logger.warn(
        { eventId: id, type, issues: parsed.error.issues.length },
        'Webhook event does not match its schema.',
      );
      return { outcome: 'invalid', id, type, error: parsed.error };
    }

    if (dedupe && dedupeKey !== undefined) {
      const claim = await dedupe.store.claim(dedupeKey, dedupe.leaseMs);
      if (claim === 'duplicate') return { outcome: 'duplicate', id, type };
      if (claim === 'in-progress') return { outcome: 'in-progress', id, type };
      claimed = true;
    } else if (dedupe) {
      logger.warn({ type }, 'Webhook event has no id, so it cannot be deduplicated.');
    }

    await handler.handle(parsed.data, { ...context, id, type });
  } catch (error) {
    const durationMs = now() - startedAt;
    if (claimed && dedupe && dedupeKey !== undefined) {
      await Promise.resolve(dedupe.store.release(dedupeKey)).catch((releaseError: unknown) =>
        logger.error({ eventId: id, error: messageOf(releaseError) }, 'Releasing the dedup claim failed.'),
      );
    }
    logger.error(
      { eventId: id, type, durationMs, error: messageOf(error) },
      'Webhook event failed, so the receiver responds with 500 and the sender retries.',
    );
    return { outcome: 'failed', id, type, error, durationMs };
  }

  const durationMs = now() - startedAt;
  if (dedupe && dedupeKey !== undefined) {
    try {
      await dedupe.store.markProcessed(dedupeKey, dedupe.ttlMs);
    } catch (error) {
      // The handler succeeded, so the request is still acknowledged, but a redelivery may run it again.
      logger.error({ eventId: id, error: messageOf(error) }, 'Marking the event processed failed.');
    }
  }
  logger.info({ eventId: id, type, durationMs }, 'Webhook event handled.');
  return { outcome: 'handled', id, type, durationMs };
}
