import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@patchbay/core';
import type { HubSpotClient } from '@patchbay/hubspot';
import { stripeEventHandlers } from '@patchbay/stripe';
import {
  createHubSpotVerifier,
  createStripeVerifier,
  createWebhookReceiver,
  type DedupStore,
  defineWebhookHandler,
  type ReceiveResult,
} from '@patchbay/webhooks';
import { z } from 'zod';
import { applyPaymentOutcome, PaymentOutcomeBook } from './payment-outcomes.js';
import { emptyReceiverStats, type ReceiverStats, recordResult } from './receiver-stats.js';

export interface WebhookServerOptions {
  /** A listening server on 127.0.0.1 (see `listenOnLoopback`); the receivers are attached to it. */
  server: Server;
  hubspot: HubSpotClient;
  stripeWebhookSecret: string;
  hubspotClientSecret: string;
  /** Dedup store shared by both endpoints (memory, or Redis with --redis). */
  dedupStore?: DedupStore;
  logger: Logger;
  /** Called with every receiver result, for the dashboard. */
  onResult?: (source: 'stripe' | 'hubspot', result: ReceiveResult) => void;
}

export interface WebhookServer {
  /** `http://127.0.0.1:<port>`; the endpoints are `/webhooks/stripe` and `/webhooks/hubspot`. */
  url: string;
  stats: { stripe: ReceiverStats; hubspot: ReceiverStats };
  /** Contact ids from verified `contact.creation` events. */
  createdContacts: Set<string>;
  outcomes: PaymentOutcomeBook;
  close(): Promise<void>;
}

/** Starts an HTTP server on 127.0.0.1 (port 0 picks a free one); attach handlers later. */
export async function listenOnLoopback(port = 0): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return server;
}

export function serverUrl(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const contactCreation = z.looseObject({
  objectId: z.union([z.number(), z.string()]),
  subscriptionType: z.literal('contact.creation'),
});

/**
 * The playground's webhook endpoint, a real HTTP server on 127.0.0.1: Stripe payment outcomes
 * move HubSpot deals, and HubSpot `contact.creation` events are recorded. Both are verified on
 * the raw bytes and deduplicated by event id.
 */
export function startWebhookServer(options: WebhookServerOptions): WebhookServer {
  const stats = { stripe: emptyReceiverStats(), hubspot: emptyReceiverStats() };
  const outcomes = new PaymentOutcomeBook();
  const createdContacts = new Set<string>();
  const dedupe = options.dedupStore ? { store: options.dedupStore } : undefined;
  const { server } = options;
  const url = serverUrl(server);

  const stripe = createWebhookReceiver({
    verifier: createStripeVerifier({ secrets: [options.stripeWebhookSecret] }),
    dedupe,
    logger: options.logger,
    onResult: (result) => {
      recordResult(stats.stripe, result);
      options.onResult?.('stripe', result);
    },
    handlers: stripeEventHandlers({
      'invoice.paid': async (event) => {
        await applyPaymentOutcome(options.hubspot, event.data.object, 'paid');
        outcomes.record(event.data.object.id, 'paid');
      },
      'invoice.payment_failed': async (event) => {
        await applyPaymentOutcome(options.hubspot, event.data.object, 'failed');
        outcomes.record(event.data.object.id, 'failed');
      },
    }),
  });

  const hubspot = createWebhookReceiver({
    verifier: createHubSpotVerifier({ clientSecret: options.hubspotClientSecret, publicUrl: url }),
    dedupe,
    logger: options.logger,
    onResult: (result) => {
      recordResult(stats.hubspot, result);
      options.onResult?.('hubspot', result);
    },
    handlers: {
      'contact.creation': defineWebhookHandler(contactCreation, (event) => {
        createdContacts.add(String(event.objectId));
      }),
    },
  });

  const stripeListener = stripe.node();
  const hubspotListener = hubspot.node();
  server.on('request', (request, response) => {
    const path = request.url?.split('?')[0];
    if (request.method === 'POST' && path === '/webhooks/stripe') return stripeListener(request, response);
    if (request.method === 'POST' && path === '/webhooks/hubspot') return hubspotListener(request, response);
    response
      .writeHead(404, { 'content-type': 'text/plain' })
      .end('not found: use POST /webhooks/stripe or /webhooks/hubspot');
  });

  return {
    url,
    stats,
    createdContacts,
    outcomes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
