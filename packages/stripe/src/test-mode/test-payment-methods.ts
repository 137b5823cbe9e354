// Test-mode payment method ids and card numbers with their outcomes, as Stripe's testing page
// (docs.stripe.com/testing) lists them. They work only with test-mode keys. Card numbers are for
// typing into Stripe Elements or Checkout in a browser; server code passes the pm_ ids and never
// handles card numbers.
// NOTE: the ids were checked against public integrations that use them, not against the current
// revision of that page, so an id Stripe renamed since would fail with resource_missing.

/** Test payment method ids by outcome, for server-side calls in test mode. */
export const testPaymentMethods = {
  visa: 'pm_card_visa',
  mastercard: 'pm_card_mastercard',
  amex: 'pm_card_amex',
  genericDecline: 'pm_card_chargeDeclined',
  insufficientFunds: 'pm_card_chargeDeclinedInsufficientFunds',
  lostCard: 'pm_card_chargeDeclinedLostCard',
  stolenCard: 'pm_card_chargeDeclinedStolenCard',
  expiredCard: 'pm_card_chargeDeclinedExpiredCard',
  incorrectCvc: 'pm_card_chargeDeclinedIncorrectCvc',
  processingError: 'pm_card_chargeDeclinedProcessingError',
  /** Needs 3D Secure on session (status `requires_action`) and declines off session. */
  authenticationRequired: 'pm_card_authenticationRequired',
  /** Always needs 3D Secure. */
  threeDSecureRequired: 'pm_card_threeDSecure2Required',
  /** Attaching to a customer succeeds; charging it declines. */
  chargeCustomerFail: 'pm_card_chargeCustomerFail',
} as const;

export type TestPaymentMethodName = keyof typeof testPaymentMethods;

/** The card numbers behind {@link testPaymentMethods}, for browser forms in test mode. */
export const testCardNumbers: Readonly<Record<TestPaymentMethodName, string>> = {
  visa: '4242424242424242',
  mastercard: '5555555555554444',
  amex: '378282246310005',
  genericDecline: '4000000000000002',
  insufficientFunds: '4000000000009995',
  lostCard: '4000000000009987',
  stolenCard: '4000000000009979',
  expiredCard: '4000000000000069',
  incorrectCvc: '4000000000000127',
  processingError: '4000000000000119',
  authenticationRequired: '4000002500003155',
  threeDSecureRequired: '4000000000003220',
  chargeCustomerFail: '4000000000000341',
};

/** The result of confirming a payment with a test payment method. */
export type TestPaymentOutcome =
  | { kind: 'succeeds'; brand: string; last4: string }
  | { kind: 'declines'; brand: string; last4: string; code: string; declineCode: string; message: string }
  | {
      /** On session: `requires_action`. Off session: a decline with `authentication_required`. */
      kind: 'requires_action';
      brand: string;
      last4: string;
    };

function decline(last4: string, code: string, declineCode: string, message: string): TestPaymentOutcome {
  return { kind: 'declines', brand: 'visa', last4, code, declineCode, message };
}

/** Outcomes by test payment method id. */
export const testPaymentOutcomes: Readonly<Record<string, TestPaymentOutcome>> = {
  [testPaymentMethods.visa]: { kind: 'succeeds', brand: 'visa', last4: '4242' },
  [testPaymentMethods.mastercard]: { kind: 'succeeds', brand: 'mastercard', last4: '4444' },
  [testPaymentMethods.amex]: { kind: 'succeeds', brand: 'amex', last4: '0005' },
  [testPaymentMethods.genericDecline]: decline(
    '0002',
    'card_declined',
    'generic_decline',
    'Your card was declined.',
  ),
  [testPaymentMethods.insufficientFunds]: decline(
    '9995',
    'card_declined',
    'insufficient_funds',
    'Your card has insufficient funds.',
  ),
  [testPaymentMethods.lostCard]: decline('9987', 'card_declined', 'lost_card', 'Your card was declined.'),
  [testPaymentMethods.stolenCard]: decline('9979', 'card_declined', 'stolen_card', 'Your card was declined.'),
  [testPaymentMethods.expiredCard]: decline('0069', 'expired_card', 'expired_card', 'Your card has expired.'),
  [testPaymentMethods.incorrectCvc]: decline(
    '0127',
    'incorrect_cvc',
    'incorrect_cvc',
    "Your card's security code is incorrect.",
  ),
  [testPaymentMethods.processingError]: decline(
    '0119',
    'processing_error',
    'processing_error',
    'An error occurred while processing your card. Try again in a little bit.',
  ),
  [testPaymentMethods.authenticationRequired]: { kind: 'requires_action', brand: 'visa', last4: '3155' },
  [testPaymentMethods.threeDSecureRequired]: { kind: 'requires_action', brand: 'visa', last4: '3220' },
  [testPaymentMethods.chargeCustomerFail]: decline(
    '0341',
    'card_declined',
    'generic_decline',
    'Your card was declined.',
  ),
};
