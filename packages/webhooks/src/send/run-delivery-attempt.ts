import type { EventBus, Logger, Redactor } from '@patchbay/core';
import type { Dispatcher } from 'undici';
import type { AddressPolicy } from './address-policy.js';
import { applyAttemptResult, type RetrySettings } from './apply-attempt-result.js';
import { attemptDelivery } from './attempt-delivery.js';
import type { DeliveryRecord, DeliveryStore } from './delivery-store.js';
import type { RequestSigner } from './sign-outgoing-request.js';
import type { WebhookSenderEvents } from './webhook-sender-types.js';

/** Everything one attempt needs from its sender. */
export interface AttemptContext {
  store: DeliveryStore;
  sign: RequestSigner;
  dispatcher: Dispatcher;
  policy: AddressPolicy;
  retry: RetrySettings;
  attemptTimeoutMs: number;
  extraHeaders: Record<string, string> | undefined;
  events: EventBus<WebhookSenderEvents>;
  logger: Logger;
  redactor: Redactor;
  now: () => number;
}

const encoder = new TextEncoder();

/**
 * Makes one attempt for a claimed delivery, signed with a fresh timestamp, then stores the updated
 * delivery, disables the endpoint after a 410, logs and emits events. A delivery to an endpoint
 * that is already disabled is closed without a request.
 */
export async function runDeliveryAttempt(
  claimed: DeliveryRecord,
  context: AttemptContext,
): Promise<DeliveryRecord> {
  const { store, events, logger, redactor, now } = context;
  if (await store.getDisabledEndpoint(claimed.url)) {
    const delivery: DeliveryRecord = { ...claimed, status: 'endpoint-disabled', nextAttemptAtMs: undefined };
    await store.save(delivery);
    events.emit('endpoint-disabled', { url: claimed.url, delivery });
    return delivery;
  }

  const webhookTimestamp = Math.floor(now() / 1000);
  const body = encoder.encode(claimed.body);
  const headers = {
    'content-type': 'application/json',
    ...context.extraHeaders,
    ...context.sign(claimed.id, webhookTimestamp, body),
  };
  const result = await attemptDelivery({
    url: claimed.url,
    body,
    headers,
    dispatcher: context.dispatcher,
    timeoutMs: context.attemptTimeoutMs,
    policy: context.policy,
    now,
  });
  const { delivery, attempt } = applyAttemptResult(claimed, result, webhookTimestamp, context.retry);
  await store.save(delivery);
  if (delivery.status === 'endpoint-disabled') {
    await store.disableEndpoint({ url: delivery.url, disabledAtMs: now(), deliveryId: delivery.id });
  }

  const fields = {
    deliveryId: delivery.id,
    url: redactor.url(delivery.url),
    attempt: attempt.attempt,
    outcome: attempt.outcome,
    status: attempt.status,
  };
  if (attempt.outcome === 'delivered') logger.info(fields, 'Webhook delivered.');
  else if (attempt.outcome === 'gone')
    logger.warn(fields, 'Endpoint responded with 410 Gone and is now disabled.');
  else
    logger.warn(
      { ...fields, error: attempt.error, nextAttemptAtMs: attempt.nextAttemptAtMs },
      'Webhook attempt failed.',
    );

  events.emit('attempt', { delivery, attempt });
  if (delivery.status === 'delivered') events.emit('delivered', { delivery });
  if (delivery.status === 'failed') events.emit('failed', { delivery });
  if (delivery.status === 'endpoint-disabled')
    events.emit('endpoint-disabled', { url: delivery.url, delivery });
  return delivery;
}
