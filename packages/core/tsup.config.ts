import { resolve } from 'node:path';
import { defineConfig, type Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

// The Node build swaps the default transport (ky over fetch) for the undici transport.
// Everything else is the same source, so both builds expose the same API and types. Sources
// import the module as `default-transport.js`, so the filter accepts the extension.
const useNodeDefaultTransport: Plugin = {
  name: 'patchbay-node-default-transport',
  setup(build) {
    build.onResolve({ filter: /\/default-transport(\.js)?$/ }, () => ({
      path: resolve('src/transport/default-transport.node.ts'),
    }));
  },
};

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      'node-transport': 'src/transport/node-transport.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    treeshake: true,
  },
  {
    entry: { 'node/index': 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
    treeshake: true,
    esbuildPlugins: [useNodeDefaultTransport],
  },
]);
