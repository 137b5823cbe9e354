import { join } from 'node:path';
import type { Logger } from '@patchbay/core';
import { PlaygroundConfigError } from '../services/run-mode.js';
import { startUiServer, type UiServer } from '../ui/ui-server.js';
import type { CliOptions } from './parse-args.js';

/** Port the dashboard tries first when `--ui-port` is not given. */
const preferredPort = 4173;

/** Prints the dashboard server's log messages without their fields, to keep the terminal readable. */
const terminalLogger: Logger = {
  debug: () => {},
  info: (_fields, message) => console.log(message),
  warn: (_fields, message) => console.warn(message),
  error: (_fields, message) => console.error(message),
};

/** Serves the dashboard until Ctrl+C. `--csv`, `--chaos` and `--seed` fill the form's first values. */
export async function serveDashboard(
  options: CliOptions,
  paths: { packageDir: string; invokedFrom: string },
) {
  const start = (port: number) =>
    startUiServer({
      port,
      dataDir: join(paths.packageDir, 'data'),
      invokedFrom: paths.invokedFrom,
      reportDir: options.reportDir,
      defaults: { csvPath: options.csvPath, chaos: options.chaos, seed: options.seed },
      shared: {
        mappingPath: options.mappingPath,
        live: options.live,
        allowLiveStripe: options.allowLiveStripe,
        redisUrl: options.redisUrl,
        webhookPort: options.webhookPort,
      },
      logger: terminalLogger,
    });

  let server: UiServer;
  try {
    server = await start(options.uiPort ?? preferredPort);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (options.uiPort !== undefined || code !== 'EADDRINUSE') {
      throw new PlaygroundConfigError(
        `The dashboard cannot listen on 127.0.0.1:${options.uiPort ?? preferredPort} (${code ?? String(error)}); pick another --ui-port.`,
      );
    }
    server = await start(0);
  }

  console.log(`Dashboard at ${server.url} (Ctrl+C stops it)`);
  process.once('SIGINT', () => {
    // A run in progress keeps the fakes' servers open, so exit instead of waiting for them to close.
    void server.close().finally(() => process.exit(0));
  });
}
