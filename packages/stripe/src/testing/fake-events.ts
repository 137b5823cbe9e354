import type { FakeRouteHandler } from './fake-context.js';
import { listResponse } from './fake-lists.js';
import { noSuch } from './fake-stripe-error.js';

/** Lists and retrieves the events the fake recorded, newest first, optionally by `type`. */
export const eventRoutes: Array<[string, string, FakeRouteHandler]> = [
  [
    'GET',
    '/v1/events',
    (context) => {
      const type = context.params.string('type');
      return listResponse(
        context,
        '/v1/events',
        'event',
        context.account.events,
        (event) => type === undefined || event.type === type,
      );
    },
  ],
  [
    'GET',
    '/v1/events/:id',
    (context) => {
      const event = context.account.events.get(context.ids[0] as string);
      if (!event) throw noSuch('event', context.ids[0] as string);
      return event;
    },
  ],
];
