import { createClient, type Logger } from '@patchbay/core';

// Any logger with pino's call shape works; this one writes JSON lines.
const logger: Logger = {
  debug: () => {},
  info: (fields, message) =>
    process.stdout.write(`${JSON.stringify({ level: 'info', message, ...fields })}\n`),
  warn: (fields, message) =>
    process.stdout.write(`${JSON.stringify({ level: 'warn', message, ...fields })}\n`),
  error: (fields, message) =>
    process.stderr.write(`${JSON.stringify({ level: 'error', message, ...fields })}\n`),
};

export const client = createClient({ service: 'billing', baseUrl: 'https://api.billing.example', logger });

client.events.on('retry', (event) => {
  logger.warn({ attempt: event.attempt, delayMs: event.delayMs, reason: event.reason }, 'retrying');
});
client.events.on('response', (event) => {
  logger.info({ status: event.status, durationMs: event.durationMs, requestId: event.requestId }, 'response');
});
