/**
 * A structured logger with pino's call shape: fields first, then the message. pino, bunyan-style
 * adapters and most structured loggers fit without a wrapper. Patchbay never writes to `console`.
 */
export interface Logger {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export type LogLevel = keyof Logger;

const noop = () => {};

/** A logger that discards everything; the default when none is given. */
export const silentLogger: Logger = Object.freeze({ debug: noop, info: noop, warn: noop, error: noop });
