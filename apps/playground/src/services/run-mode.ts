/** Credentials of a live run, read from the environment. */
export interface LiveCredentials {
  hubspotAccessToken: string;
  stripeSecretKey: string;
  stripeWebhookSecret: string;
  /** The HubSpot app's client secret, to verify HubSpot webhooks; optional in live runs. */
  hubspotClientSecret: string | undefined;
}

/** A configuration problem that stops the run before any request; the message names the fix. */
export class PlaygroundConfigError extends Error {
  override name = 'PlaygroundConfigError';
}

/**
 * Reads and checks live credentials. Stripe live-mode keys (`sk_live_`, `rk_live_`) move real
 * money, so they are refused unless the caller passed the explicit flag.
 */
export function readLiveCredentials(env: NodeJS.ProcessEnv, allowLiveStripe: boolean): LiveCredentials {
  const missing = ['HUBSPOT_ACCESS_TOKEN', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'].filter(
    (name) => !env[name]?.trim(),
  );
  if (missing.length > 0) {
    throw new PlaygroundConfigError(
      `--live needs ${missing.join(', ')} in the environment. Set ${missing.length === 1 ? 'it' : 'them'} (a HubSpot private-app token, a Stripe secret key and the webhook endpoint's signing secret), or drop --live to run on the embedded fakes.`,
    );
  }
  const stripeSecretKey = (env.STRIPE_SECRET_KEY as string).trim();
  if (/^(sk|rk)_live_/.test(stripeSecretKey) && !allowLiveStripe) {
    throw new PlaygroundConfigError(
      'STRIPE_SECRET_KEY is a live-mode key, which would charge real cards. Use a test-mode key (sk_test_...), or pass --allow-live-stripe if you really mean it.',
    );
  }
  return {
    hubspotAccessToken: (env.HUBSPOT_ACCESS_TOKEN as string).trim(),
    stripeSecretKey,
    stripeWebhookSecret: (env.STRIPE_WEBHOOK_SECRET as string).trim(),
    hubspotClientSecret: env.HUBSPOT_CLIENT_SECRET?.trim() || undefined,
  };
}
