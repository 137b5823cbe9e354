import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One file of the dashboard page, read into memory. */
export interface PageFile {
  contentType: string;
  body: Buffer;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The folder of the page's HTML, CSS and JavaScript, beside this module. */
export const pageDir = fileURLToPath(new URL('./page/', import.meta.url));

/**
 * Reads the page's files, keyed by their URL path (`/` for `index.html`). Only these paths are
 * served, so no request can reach another file on disk.
 */
export async function loadPageFiles(dir: string = pageDir): Promise<Map<string, PageFile>> {
  const files = new Map<string, PageFile>();
  for (const name of await readdir(dir)) {
    const contentType = contentTypes[extname(name)];
    if (!contentType) continue;
    const body = await readFile(join(dir, name));
    files.set(name === 'index.html' ? '/' : `/${name}`, { contentType, body });
  }
  return files;
}
