import { handleBatchAssociations, handleRecordAssociations } from './fake-association-routes.js';
import type { RouteContext } from './fake-context.js';
import { handleObjects } from './fake-object-routes.js';
import { FakeHttpError, type FakeReply, notFound } from './fake-responses.js';
import { handlePipelines, handleProperties } from './fake-schema-routes.js';

/** Parses a JSON request body, raising HubSpot's 400 for invalid JSON. */
export function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new FakeHttpError(400, {
      status: 'error',
      message: 'Invalid input JSON on line 1',
      category: 'VALIDATION_ERROR',
    });
  }
}

/** Dispatches a request to the handler of its path. */
export function route(context: RouteContext, path: string): FakeReply {
  const parts = path.split('/').filter(Boolean);
  const [crm, version, area, ...rest] = parts;
  if (crm === 'crm' && version === 'v3' && area === 'objects')
    return handleObjects({ ...context, segments: rest });
  if (crm === 'crm' && version === 'v3' && area === 'properties')
    return handleProperties({ ...context, segments: rest });
  if (crm === 'crm' && version === 'v3' && area === 'pipelines')
    return handlePipelines({ ...context, segments: rest });
  if (crm === 'crm' && version === 'v4' && area === 'objects')
    return handleRecordAssociations({ ...context, segments: rest });
  if (crm === 'crm' && version === 'v4' && area === 'associations')
    return handleBatchAssociations({ ...context, segments: rest });
  throw notFound(`The fake HubSpot has no route for ${context.method} ${path}.`);
}
