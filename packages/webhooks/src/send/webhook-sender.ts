import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import { ConfigurationError, EventBus, Redactor, silentLogger } from '@patchbay/core';
import { Agent } from 'undici';
import { BlockedAddressError } from '../errors/blocked-address-error.js';
import { createAddressPolicy, unbracket } from './address-policy.js';
import type { DeliveryRecord } from './delivery-store.js';
import { createGuardedLookup } from './guarded-lookup.js';
import { MemoryDeliveryStore } from './memory-delivery-store.js';
import {
  DEFAULT_JITTER,
  DEFAULT_MAX_RETRY_AFTER_MS,
  DEFAULT_RETRY_SCHEDULE_MS,
  validateJitter,
  validateRetrySchedule,
} from './retry-schedule.js';
import { type AttemptContext, runDeliveryAttempt } from './run-delivery-attempt.js';
import { createRequestSigner } from './sign-outgoing-request.js';
import { WebhookScheduler } from './webhook-scheduler.js';
import type {
  SendOptions,
  WebhookSender,
  WebhookSenderEvents,
  WebhookSenderOptions,
} from './webhook-sender-types.js';

function positive(value: number | undefined, fallback: number, option: string): number {
  const resolved = value ?? fallback;
  if (!Number.isFinite(resolved) || resolved <= 0) {
    throw new ConfigurationError(`${option} must be a positive number, got ${resolved}.`, { option });
  }
  return resolved;
}

function serialize(payload: unknown): string {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  if (typeof body !== 'string') {
    throw new ConfigurationError('The webhook payload must be a string or a JSON-serializable value.', {
      option: 'payload',
    });
  }
  return body;
}

/** Validates the options and builds what every attempt shares. */
function createAttemptContext(options: WebhookSenderOptions): AttemptContext {
  const logger = options.logger ?? silentLogger;
  const policy = createAddressPolicy(options.allowPrivateNetworks);
  const attemptTimeoutMs = positive(options.attemptTimeoutMs, 10_000, 'attemptTimeoutMs');
  return {
    store: options.store ?? new MemoryDeliveryStore(),
    sign: createRequestSigner(options.scheme ?? 'standard-webhooks', options.secret),
    // Header and body timeouts are off because the attempt's own setTimeout aborts the request,
    // which keeps one timer in charge and lets fake timers in tests control it.
    dispatcher: new Agent({
      connect: { lookup: createGuardedLookup(policy, options.lookup), timeout: attemptTimeoutMs },
      headersTimeout: 0,
      bodyTimeout: 0,
    }),
    policy,
    retry: {
      retryScheduleMs: validateRetrySchedule(options.retryScheduleMs ?? DEFAULT_RETRY_SCHEDULE_MS),
      jitter: validateJitter(options.jitter ?? DEFAULT_JITTER),
      random: options.random ?? Math.random,
      maxRetryAfterMs: positive(options.maxRetryAfterMs, DEFAULT_MAX_RETRY_AFTER_MS, 'maxRetryAfterMs'),
    },
    attemptTimeoutMs,
    extraHeaders: options.headers,
    events: new EventBus<WebhookSenderEvents>(logger),
    logger,
    redactor: new Redactor(),
    now: options.now ?? (() => Date.now()),
  };
}

/** Creates a sender that signs webhooks and delivers them with retries. */
export function createWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const context = createAttemptContext(options);
  const { store, now, policy, redactor, events, logger } = context;
  const scheduler = new WebhookScheduler({
    store,
    now,
    concurrency: Math.floor(positive(options.concurrency, 10, 'concurrency')) || 1,
    leaseMs: context.attemptTimeoutMs + 60_000,
    attempt: (delivery) => runDeliveryAttempt(delivery, context),
    onScheduled: (nextRunAtMs) => events.emit('scheduled', { nextRunAtMs }),
    onError: (error) =>
      logger.error(
        { error: error instanceof Error ? error.message : String(error) },
        'Webhook scheduler failed; it retries on the next wake-up.',
      ),
  });

  function checkUrl(url: string): void {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ConfigurationError(
        `The endpoint URL ${JSON.stringify(redactor.url(url))} is not an absolute URL.`,
        {
          option: 'url',
        },
      );
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw new ConfigurationError(`The endpoint URL must use http or https, got ${parsed.protocol}`, {
        option: 'url',
      });
    }
    const host = unbracket(parsed.hostname);
    if (isIP(host) !== 0 && !policy.allows(host)) throw new BlockedAddressError(host, host);
  }

  async function send(url: string, payload: unknown, sendOptions: SendOptions = {}): Promise<DeliveryRecord> {
    checkUrl(url);
    const id = sendOptions.id ?? `msg_${randomUUID().replaceAll('-', '')}`;
    const existing = await store.get(id);
    if (existing) return existing;

    const createdAtMs = now();
    const disabled = await store.getDisabledEndpoint(url);
    const delivery: DeliveryRecord = {
      id,
      url,
      type: sendOptions.type,
      body: serialize(payload),
      status: disabled ? 'endpoint-disabled' : 'pending',
      createdAtMs,
      nextAttemptAtMs: disabled ? undefined : createdAtMs,
      attempts: [],
    };
    await store.save(delivery);
    if (disabled) events.emit('endpoint-disabled', { url, delivery });
    else scheduler.wake();
    return delivery;
  }

  return {
    send,
    runDue: () => scheduler.runDue(),
    start: () => scheduler.start(),
    stop: () => scheduler.stop(),
    getDelivery: (id) => store.get(id),
    enableEndpoint: (url) => store.enableEndpoint(url),
    async close() {
      await scheduler.stop();
      const { dispatcher } = context;
      if (!(dispatcher as { closed?: boolean }).closed) await dispatcher.close();
    },
    events,
  };
}
