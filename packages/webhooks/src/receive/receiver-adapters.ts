import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { Logger } from '@patchbay/core';
import { type LambdaHttpEvent, type LambdaHttpResult, readLambdaEvent } from './lambda-event.js';
import { type ExpressLikeRequest, readExpressRequestBody } from './read-express-body.js';
import { readFetchRequestBody } from './read-fetch-body.js';
import { readNodeRequestBody } from './read-node-body.js';
import type { ReceiveResponse } from './receive-result.js';
import type { WebhookRequest } from './webhook-receiver.js';

/** Runs the receiver on a request produced by `read`, turning errors raised while reading into rejections. */
export type ReceiveFunction = (
  read: () => Promise<WebhookRequest> | WebhookRequest,
) => Promise<ReceiveResponse>;

interface AdapterSettings {
  maxBodyBytes: number;
  logger: Logger;
}

const textHeaders = { 'content-type': 'text/plain; charset=utf-8' };

/**
 * Builds the absolute URL as this server saw it, from the socket scheme, the Host header and the
 * raw request target.
 */
function nodeRequestUrl(request: IncomingMessage, target: string | undefined): string | undefined {
  const host = request.headers.host;
  if (target === undefined || host === undefined) return target;
  const scheme = (request.socket as Partial<TLSSocket>).encrypted ? 'https' : 'http';
  return `${scheme}://${host}${target}`;
}

function writeNodeResponse(response: ServerResponse, outcome: ReceiveResponse): void {
  const headers: Record<string, string | number> = {
    ...textHeaders,
    'content-length': Buffer.byteLength(outcome.body),
  };
  // The rest of an oversized body is never read, so the connection cannot be reused.
  if (outcome.status === 413) headers.connection = 'close';
  response.writeHead(outcome.status, headers);
  response.end(outcome.body);
}

function failNodeResponse(response: ServerResponse, logger: Logger, error: unknown): void {
  logger.error({ error: error instanceof Error ? error.message : String(error) }, 'Webhook adapter failed.');
  if (!response.headersSent) response.writeHead(500, textHeaders);
  response.end('Internal Server Error');
}

export function toNodeListener(receive: ReceiveFunction, settings: AdapterSettings) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    receive(async () => ({
      rawBody: await readNodeRequestBody(request, settings),
      headers: request.headers,
      url: nodeRequestUrl(request, request.url),
      method: request.method,
    })).then(
      (outcome) => writeNodeResponse(response, outcome),
      (error: unknown) => failNodeResponse(response, settings.logger, error),
    );
  };
}

export function toExpressMiddleware(receive: ReceiveFunction, settings: AdapterSettings) {
  return (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void): void => {
    const expressRequest = request as ExpressLikeRequest;
    receive(async () => ({
      rawBody: await readExpressRequestBody(expressRequest, settings),
      headers: request.headers,
      url: nodeRequestUrl(request, expressRequest.originalUrl ?? request.url),
      method: request.method,
    })).then((outcome) => writeNodeResponse(response, outcome), next);
  };
}

export function toFetchHandler(receive: ReceiveFunction, settings: Pick<AdapterSettings, 'maxBodyBytes'>) {
  return async (request: Request): Promise<Response> => {
    const outcome = await receive(async () => ({
      rawBody: await readFetchRequestBody(request, settings),
      headers: request.headers,
      url: request.url,
      method: request.method,
    }));
    return new Response(outcome.body, { status: outcome.status, headers: textHeaders });
  };
}

export function toLambdaHandler(receive: ReceiveFunction, settings: Pick<AdapterSettings, 'maxBodyBytes'>) {
  return async (event: LambdaHttpEvent): Promise<LambdaHttpResult> => {
    const outcome = await receive(() => readLambdaEvent(event, settings));
    return { statusCode: outcome.status, headers: { ...textHeaders }, body: outcome.body };
  };
}
