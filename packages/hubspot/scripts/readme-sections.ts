// The README sections generated from code: the error matrices, the scopes table and the example
// blocks. `render-readme.ts` writes them; test/readme.test.ts fails when the README is stale.
import { renderErrorMatrix, renderServiceErrorRows, replaceMarkedSection } from '@patchbay/core';
import { syncReadmeExamples } from '../../../tooling/test-utils/src/readme-examples.js';
import { requiredScopes } from '../src/auth/required-scopes.js';
import { hubSpotErrorRows } from '../src/client/hubspot-error-rows.js';

/** Renders `requiredScopes` as a Markdown table. */
export function renderScopeTable(): string {
  const lines = ['| operation | scopes |', '| --- | --- |'];
  for (const [operation, scopes] of Object.entries(requiredScopes)) {
    lines.push(`| \`${operation}\` | ${scopes.map((scope) => `\`${scope}\``).join(', ')} |`);
  }
  return lines.join('\n');
}

/** Returns the README with every generated section and example block brought up to date. */
export function renderReadme(readme: string, readmePath: string): string {
  let rendered = replaceMarkedSection(readme, 'error-matrix', renderErrorMatrix());
  rendered = replaceMarkedSection(rendered, 'hubspot-errors', renderServiceErrorRows(hubSpotErrorRows));
  rendered = replaceMarkedSection(rendered, 'scopes', renderScopeTable());
  return syncReadmeExamples(rendered, readmePath);
}
