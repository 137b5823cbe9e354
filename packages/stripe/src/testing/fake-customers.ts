import type { Customer } from '../schemas/customer.js';
import type { FakeContext, FakeRouteHandler } from './fake-context.js';
import { listResponse, searchResponse } from './fake-lists.js';
import { applyMetadata, type FakeParams } from './fake-params.js';
import { invalidParam, noSuch } from './fake-stripe-error.js';

const customerFields = {
  object: 'customer',
  strings: ['email', 'name', 'phone'],
  numbers: ['created'],
} as const;

export function findCustomer(context: FakeContext, id: string, param = 'id'): Customer {
  const customer = context.account.customers.get(id);
  if (!customer || (customer as { deleted?: boolean }).deleted) throw noSuch('customer', id, param);
  return customer;
}

function checkEmail(email: string | null | undefined): void {
  if (email && (email.length > 512 || !/^[^\s@]+@[^\s@]+$/.test(email.trim()))) {
    throw invalidParam('email', `Invalid email address: ${email}`, 'email_invalid');
  }
}

function defaultPaymentMethod(
  context: FakeContext,
  customerId: string,
  params: FakeParams,
): string | null | undefined {
  const settings = params.object('invoice_settings');
  const id = settings?.nullableString('default_payment_method');
  if (id === undefined || id === null) return id;
  const method = context.account.paymentMethods.get(id);
  if (!method || method.customer !== customerId) {
    throw invalidParam(
      'invoice_settings[default_payment_method]',
      `No such PaymentMethod: '${id}'; it must be attached to customer ${customerId} first.`,
      'resource_missing',
    );
  }
  return id;
}

function writableFields(params: FakeParams) {
  return {
    email: params.nullableString('email'),
    name: params.nullableString('name'),
    phone: params.nullableString('phone'),
    description: params.nullableString('description'),
  };
}

const createCustomer: FakeRouteHandler = (context) => {
  const fields = writableFields(context.params);
  checkEmail(fields.email);
  const id = context.newId('cus');
  const customer: Customer = {
    id,
    object: 'customer',
    created: context.nowSeconds(),
    email: fields.email ?? null,
    name: fields.name ?? null,
    phone: fields.phone ?? null,
    description: fields.description ?? null,
    balance: 0,
    currency: null,
    delinquent: false,
    livemode: context.livemode,
    metadata: applyMetadata({}, context.params),
    invoice_prefix: id.slice(4, 12).toUpperCase(),
    invoice_settings: { default_payment_method: null, custom_fields: null, footer: null },
    address: null,
    shipping: null,
    discount: null,
    default_source: null,
    test_clock: null,
  };
  context.save(context.account.customers, customer);
  context.emit('customer.created', customer);
  return customer;
};

const updateCustomer: FakeRouteHandler = (context) => {
  const current = findCustomer(context, context.ids[0] as string);
  const fields = writableFields(context.params);
  checkEmail(fields.email);
  const next: Customer = structuredClone(current);
  const previous: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || next[name] === value) continue;
    previous[name] = next[name];
    next[name] = value;
  }
  const metadata = applyMetadata(current.metadata ?? {}, context.params);
  if (JSON.stringify(metadata) !== JSON.stringify(current.metadata ?? {})) {
    previous.metadata = current.metadata;
    next.metadata = metadata;
  }
  const paymentMethod = defaultPaymentMethod(context, current.id, context.params);
  if (paymentMethod !== undefined) {
    previous.invoice_settings = current.invoice_settings;
    next.invoice_settings = { ...current.invoice_settings, default_payment_method: paymentMethod };
  }
  context.save(context.account.customers, next);
  if (Object.keys(previous).length > 0) context.emit('customer.updated', next, previous);
  return next;
};

const deleteCustomer: FakeRouteHandler = (context) => {
  const current = findCustomer(context, context.ids[0] as string);
  const deleted = { id: current.id, object: 'customer' as const, deleted: true };
  context.account.customers.set(current.id, deleted as unknown as Customer);
  context.emit('customer.deleted', current);
  return deleted;
};

export const customerRoutes: Array<[string, string, FakeRouteHandler]> = [
  ['POST', '/v1/customers', createCustomer],
  [
    'GET',
    '/v1/customers',
    (context) => {
      const email = context.params.string('email');
      // The email filter is exact and case-sensitive. Source: docs.stripe.com/api/customers/list.
      return listResponse(context, '/v1/customers', 'customer', context.account.customers, (customer) => {
        if ((customer as { deleted?: boolean }).deleted) return false;
        return email === undefined || customer.email === email;
      });
    },
  ],
  [
    'GET',
    '/v1/customers/search',
    (context) => searchResponse(context, '/v1/customers/search', customerFields),
  ],
  [
    'GET',
    '/v1/customers/:id',
    (context) => {
      const id = context.ids[0] as string;
      const customer = context.account.customers.get(id);
      if (!customer) throw noSuch('customer', id);
      return customer;
    },
  ],
  ['POST', '/v1/customers/:id', updateCustomer],
  ['DELETE', '/v1/customers/:id', deleteCustomer],
];
