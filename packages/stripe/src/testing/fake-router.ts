import type { FakeRouteHandler } from './fake-context.js';
import { customerRoutes } from './fake-customers.js';
import { eventRoutes } from './fake-events.js';
import { invoiceItemRoutes } from './fake-invoice-items.js';
import { invoiceRoutes } from './fake-invoices.js';
import { paymentIntentRoutes } from './fake-payment-intents.js';
import { paymentMethodRoutes } from './fake-payment-methods.js';
import { refundRoutes } from './fake-refunds.js';

interface Route {
  method: string;
  pattern: RegExp;
  handler: FakeRouteHandler;
  /** Writes that Stripe applies idempotency keys to. */
  write: boolean;
}

function compile(method: string, template: string, handler: FakeRouteHandler): Route {
  const source = template
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '([^/]+)' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return { method, pattern: new RegExp(`^${source}$`), handler, write: method === 'POST' };
}

// Fixed paths come before `:id` paths, so `/v1/customers/search` is not read as an id.
const routes: Route[] = [
  ...customerRoutes,
  ...paymentMethodRoutes,
  ...paymentIntentRoutes,
  ...invoiceRoutes,
  ...invoiceItemRoutes,
  ...refundRoutes,
  ...eventRoutes,
].map(([method, template, handler]) => compile(method, template, handler));

/** Finds the handler of a request and its decoded path ids, or `undefined` for an unknown path. */
export function matchRoute(method: string, path: string): { route: Route; ids: string[] } | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (match) return { route, ids: match.slice(1).map((id) => decodeURIComponent(id)) };
  }
  return undefined;
}
