import { createFakeHubSpot, type FakeHubSpot } from '@patchbay/hubspot/testing';
import { createFakeStripe, type FakeStripe } from '@patchbay/stripe/testing';
import { demoPipeline } from '../workflows/demo-pipeline.js';

/** The embedded fakes, served on 127.0.0.1 like the real APIs. */
export interface RunningFakes {
  hubspot: FakeHubSpot;
  stripe: FakeStripe;
  hubspotUrl: string;
  stripeUrl: string;
  stripeWebhookSecret: string;
  hubspotClientSecret: string;
  close(): Promise<void>;
}

export interface FakeOptions {
  /** Base URL of the playground's webhook server. */
  webhookUrl: string;
  /** Inject 429 bursts, 5xx, connection resets and slow responses. */
  chaos: boolean;
  seed: number;
}

// Fixed demo secrets: they only protect the fakes on 127.0.0.1.
const stripeWebhookSecret = 'whsec_playground_demo_endpoint_secret';
const hubspotClientSecret = 'playground-demo-hubspot-client-secret';

/**
 * Starts the HubSpot and Stripe fakes. HubSpot enforces the Professional tier's 190 requests per
 * 10 s and 5 searches per second; the Stripe fake sends signed events to the webhook server and
 * re-sends one in five, as Stripe may. Chaos mode adds faults to about one HubSpot request in ten and one Stripe request in six.
 */
export async function startFakes(options: FakeOptions): Promise<RunningFakes> {
  const hubspot = createFakeHubSpot({
    seed: options.seed,
    clientSecret: hubspotClientSecret,
    pipelines: [demoPipeline],
    limits: { tenSecondly: 190, searchPerSecond: 5 },
    faults: options.chaos ? { rate: 0.1, kinds: ['429', '5xx', 'reset', 'slow'], slowMs: 300 } : undefined,
  });
  hubspot.webhooks.subscribe({ url: `${options.webhookUrl}/webhooks/hubspot`, events: ['contact.creation'] });

  const stripe = createFakeStripe({
    seed: options.seed,
    searchIndexLagMs: 1000,
    webhooks: { duplicateProbability: 0.2, seed: options.seed, retryDelaysMs: [100, 300, 1000, 2000, 4000] },
  });
  stripe.webhooks.addEndpoint({
    url: `${options.webhookUrl}/webhooks/stripe`,
    secret: stripeWebhookSecret,
    events: ['invoice.paid', 'invoice.payment_failed', 'invoice.finalized', 'customer.created'],
  });
  if (options.chaos) {
    stripe.faults.random({
      seed: options.seed,
      rateLimit: 0.05,
      lockTimeout: 0.02,
      serverError: 0.04,
      reset: 0.04,
      slow: { probability: 0.03, delayMs: 300 },
    });
  }

  const [hubspotServer, stripeServer] = await Promise.all([
    hubspot.listen({ host: '127.0.0.1' }),
    stripe.listen({ host: '127.0.0.1' }),
  ]);
  return {
    hubspot,
    stripe,
    hubspotUrl: hubspotServer.url,
    stripeUrl: stripeServer.url,
    stripeWebhookSecret,
    hubspotClientSecret,
    close: async () => {
      await Promise.all([hubspotServer.close(), stripeServer.close()]);
    },
  };
}
