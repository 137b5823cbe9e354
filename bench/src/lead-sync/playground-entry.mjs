// Bundle entry, not run directly: esbuild compiles the playground's lead-sync workflow and lead
// readers from their TypeScript sources into bench/.build/playground.mjs, with the @patchbay
// packages left as imports of their built dist.

export { ruleBasedQualifier } from '../../../apps/playground/src/leads/qualify.ts';
export { readLeadsCsv } from '../../../apps/playground/src/leads/read-leads-csv.ts';
export { demoPipeline } from '../../../apps/playground/src/workflows/demo-pipeline.ts';
export { runLeadSync } from '../../../apps/playground/src/workflows/lead-sync.ts';
