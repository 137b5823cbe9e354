import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const examplePattern = /<!-- example: (\S+) -->\n```ts\n([\s\S]*?)```/g;

/** One `<!-- example: path -->` block of a README and the file it must match. */
export interface ReadmeExample {
  path: string;
  inReadme: string;
  inFile: string;
}

/**
 * Finds the README code blocks marked `<!-- example: path -->`. Each must equal the file at that
 * path (relative to the README), which the package's type-check compiles, so README examples
 * cannot drift from code that compiles.
 */
export function readmeExamples(readmePath: string): ReadmeExample[] {
  const readme = readFileSync(readmePath, 'utf8');
  return [...readme.matchAll(examplePattern)].map((match) => ({
    path: match[1] as string,
    inReadme: match[2] as string,
    inFile: readFileSync(join(dirname(readmePath), match[1] as string), 'utf8'),
  }));
}

/** Rewrites every marked block from its file; used by the packages' `render-readme` scripts. */
export function syncReadmeExamples(readme: string, readmePath: string): string {
  return readme.replace(examplePattern, (_match, path: string) => {
    const content = readFileSync(join(dirname(readmePath), path), 'utf8');
    return `<!-- example: ${path} -->\n\`\`\`ts\n${content}\`\`\``;
  });
}
