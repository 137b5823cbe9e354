export type { AssociationTypeSpec, FakeAssociation } from './fake-association-store.js';
export { defaultPropertyDefinitions, defaultSalesPipeline } from './fake-defaults.js';
export {
  type Fault,
  FaultInjector,
  type FaultKind,
  type FaultOptions,
  type FaultRequestInfo,
  type FaultTiming,
} from './fake-faults.js';
export { createFakeHubSpot, type FakeHubSpot, type FakeHubSpotOptions } from './fake-hubspot.js';
export { FakeOAuth } from './fake-oauth.js';
export type { FakeRateLimits } from './fake-rate-limits.js';
export type { FakeRequestRecord, FakeState } from './fake-state.js';
export type { FakeRecord } from './fake-store.js';
export {
  type FakeSubscriptionType,
  type FakeWebhookOptions,
  FakeWebhooks,
  signHubSpotV3,
  type WebhookDelivery,
  type WebhookSubscription,
} from './fake-webhooks.js';
export { createHandlerTransport } from './handler-transport.js';
export { type ListeningServer, type ListenOptions, listenHandler } from './listen-handler.js';
export { SeededRandom } from './seeded-random.js';
