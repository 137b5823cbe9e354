import {
  bearerAuth,
  type CircuitBreakerOptions,
  type Client,
  ConfigurationError,
  createClient,
  type LimiterStore,
  type Logger,
  oauth2RefreshAuth,
  type RequestBreaker,
  type RetryOptions,
  type TimeoutOptions,
  type TokenStore,
  type Transport,
} from '@patchbay/core';
import { createAssociationsApi } from '../associations/associations-api.js';
import { hubSpotBaseUrl, hubSpotTokenPath } from '../auth/hubspot-oauth.js';
import { createDealsApi } from '../deals/deals-api.js';
import { PipelineCache } from '../deals/pipeline-cache.js';
import { createContactsApi } from '../objects/contacts-api.js';
import { createNotesApi } from '../objects/notes-api.js';
import { createObjectApi } from '../objects/object-api.js';
import type { ObjectType } from '../objects/object-types.js';
import type { PropertyDefinition } from '../properties/property-definition.js';
import { PropertyRegistry } from '../properties/property-registry.js';
import { classifyHubSpotError } from './classify-hubspot-error.js';
import { HubSpotLimiter } from './hubspot-limiter.js';
import { type HubSpotLimits, type HubSpotTier, limitsForTier } from './hubspot-limits.js';

/** OAuth settings of a public app; the client refreshes the access token itself. */
export interface HubSpotOAuthOptions {
  clientId: string;
  clientSecret: string;
  /** From `hubSpotOAuth(...).exchangeCode()`; may instead already be in `store`. */
  refreshToken?: string;
  accessToken?: string;
  /** Expiry of `accessToken`, in epoch milliseconds. */
  expiresAtMs?: number;
  /**
   * Token store kept between refreshes; share one across processes (`@patchbay/redis`).
   * @default the client option `tokenStore`, else memory
   */
  store?: TokenStore;
  /**
   * Key in the store; use one per HubSpot account.
   * @default `oauth2:<clientId>`
   */
  storeKey?: string;
  /**
   * Refresh this long before expiry, in milliseconds.
   * @default 60000
   */
  refreshSkewMs?: number;
}

export interface HubSpotClientOptions {
  /** A private-app (or static-auth app) access token. Pass this or `oauth`. */
  accessToken?: string;
  /** OAuth for public apps. Pass this or `accessToken`. */
  oauth?: HubSpotOAuthOptions;
  /** @default 'https://api.hubapi.com' */
  baseUrl?: string;
  /**
   * The account's subscription tier, which sets the limiter's preset.
   * @default 'free'
   */
  tier?: HubSpotTier;
  /**
   * API limit increase packs the account has bought (0 to 2).
   * @default 0
   */
  capacityPacks?: number;
  /** Overrides of the tier's limits; `false` turns the client-side limiter off. */
  limits?: Partial<HubSpotLimits> | false;
  /** Limiter state shared with other clients or processes that use the same HubSpot account. */
  limiterStore?: LimiterStore;
  /** Requests in flight at once, in this process. */
  concurrency?: number;
  /** Token store for `oauth`, when `oauth.store` is not given. */
  tokenStore?: TokenStore;
  transport?: Transport;
  /** @default { maxRetries: 3 } and core's backoff */
  retry?: RetryOptions;
  timeout?: TimeoutOptions;
  logger?: Logger;
  breaker?: CircuitBreakerOptions | RequestBreaker;
  /** Property definitions to check writes against, per object type, without fetching them. */
  propertyDefinitions?: Partial<Record<ObjectType, PropertyDefinition[]>>;
  /** Extra values to redact from errors, events and logs. */
  secrets?: string[];
}

function authFor(options: HubSpotClientOptions, baseUrl: string) {
  if (options.accessToken !== undefined && options.oauth !== undefined) {
    throw new ConfigurationError('Pass accessToken (private app) or oauth (public app), not both.', {
      option: 'accessToken',
      service: 'hubspot',
    });
  }
  if (options.oauth) {
    return oauth2RefreshAuth({
      ...options.oauth,
      store: options.oauth.store ?? options.tokenStore,
      tokenUrl: `${baseUrl}${hubSpotTokenPath}`,
    });
  }
  if (options.accessToken !== undefined) return bearerAuth(options.accessToken);
  throw new ConfigurationError(
    'HubSpot needs credentials: pass accessToken (a private app token, such as process.env.HUBSPOT_ACCESS_TOKEN) or oauth.',
    { option: 'accessToken', service: 'hubspot' },
  );
}

/**
 * Creates a HubSpot CRM client: core's pipeline configured with HubSpot's limits, error
 * classification and correlation ids, plus typed operations per object type.
 */
export function createHubSpotClient(options: HubSpotClientOptions) {
  const baseUrl = (options.baseUrl ?? hubSpotBaseUrl).replace(/\/+$/, '');
  const limits =
    options.limits === false
      ? undefined
      : { ...limitsForTier(options.tier ?? 'free', options.capacityPacks), ...options.limits };

  const http: Client = createClient({
    service: 'hubspot',
    baseUrl,
    auth: authFor(options, baseUrl),
    transport: options.transport,
    retry: options.retry,
    timeout: options.timeout,
    logger: options.logger,
    breaker: options.breaker,
    limiter: limits
      ? new HubSpotLimiter({ limits, store: options.limiterStore, concurrency: options.concurrency })
      : undefined,
    classify: classifyHubSpotError,
    requestIdHeader: 'x-hubspot-correlation-id',
    secrets: options.secrets,
  });

  const properties = new PropertyRegistry(http, options.propertyDefinitions);
  const context = { http, properties };
  const associations = createAssociationsApi(http);
  const pipelines = new PipelineCache(http, 'deals');

  return {
    /** The underlying core client, for endpoints this package does not wrap. */
    http,
    /** Typed events: request, response, retry, error, rate-limited, limiter-paused, token-refreshed, ... */
    events: http.events,
    /** The limits the limiter enforces, or `undefined` when it is off. */
    limits,
    contacts: createContactsApi(context, associations),
    companies: createObjectApi(context, 'companies'),
    deals: createDealsApi(context, associations, pipelines),
    lineItems: createObjectApi(context, 'line_items'),
    notes: createNotesApi(context),
    associations,
    pipelines,
    properties,
    /** Closes the transport's pooled connections. */
    close: () => http.close(),
  };
}

export type HubSpotClient = ReturnType<typeof createHubSpotClient>;
