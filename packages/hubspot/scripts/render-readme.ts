// Regenerates README.md's tables from the data the code reads, and its examples from
// examples/*.ts (which the type-check compiles). Run: npx tsx scripts/render-readme.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderReadme } from './readme-sections.js';

const path = fileURLToPath(new URL('../README.md', import.meta.url));
writeFileSync(path, renderReadme(readFileSync(path, 'utf8'), path));
