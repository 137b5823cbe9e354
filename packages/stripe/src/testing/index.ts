export {
  type TestPaymentMethodName,
  type TestPaymentOutcome,
  testCardNumbers,
  testPaymentMethods,
  testPaymentOutcomes,
} from '../test-mode/test-payment-methods.js';
export {
  createFakeStripe,
  type FakeStripe,
  type FakeStripeOptions,
} from './create-fake-stripe.js';
export {
  type AppliedFault,
  type FakeFault,
  type FakeFaultMatch,
  FakeFaults,
  type RandomFaultOptions,
} from './fake-faults.js';
export type { FakeRequestRecord } from './fake-request-log.js';
export type { FakeServer, ListenOptions } from './fake-server.js';
export type { FakeEvent, FakeStateView } from './fake-state.js';
export type { FakeErrorBody } from './fake-stripe-error.js';
export {
  type FakeWebhookEndpoint,
  type FakeWebhookOptions,
  FakeWebhooks,
  type WebhookDelivery,
  type WebhookEndpointOptions,
} from './fake-webhooks.js';
export { seededRandom } from './seeded-random.js';
export { signStripePayload } from './sign-stripe-payload.js';
