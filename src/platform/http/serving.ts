// Issue #10 item 6 "Serving": compressed answers, and cache headers for the built web app that let a
// returning browser skip every unchanged asset while it always learns of a new release.
import path from 'node:path';
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/** Below this many bytes compressing costs more than it saves (a 401, a problem+json, index.html). */
export const COMPRESS_THRESHOLD = 1024;

/**
 * br and gzip for API JSON and the web app's files. Only types mime-db calls compressible are
 * compressed, so PDF and XLSX downloads stream as they are. Request bodies are not decompressed:
 * the API takes plain JSON and uploads, and an inflating body is one more way to exhaust memory.
 */
export async function installCompression(app: FastifyInstance): Promise<void> {
  // The plugin sizes only in-memory bodies; a file streamed by @fastify/static carries its size in
  // Content-Length, so tiny files (index.html) are left alone through the plugin's own opt-out.
  app.addHook('onSend', async (req, reply, payload) => {
    const length = Number(reply.getHeader('content-length'));
    if (isStream(payload) && Number.isFinite(length) && length < COMPRESS_THRESHOLD) req.headers['x-no-compression'] = '1';
    return payload;
  });
  await app.register(compress, { global: true, threshold: COMPRESS_THRESHOLD, encodings: ['br', 'gzip'], globalDecompression: false });
}

function isStream(payload: unknown): boolean {
  return typeof (payload as { pipe?: unknown } | null)?.pipe === 'function';
}

/** Vite's output names: assets/<name>-<content hash>.<ext>; the hash changes whenever the content does. */
const HASHED_ASSET = /^assets\/[^/]+-[\w-]{8,}\.[a-z0-9]+$/i;

/**
 * A hashed asset never changes under its name: cache it for a year and never revalidate. Anything
 * else (index.html, the SPA fallback) is revalidated on every load, so a release reaches users at once.
 */
export function cacheControlOf(webDir: string, filePath: string): string {
  const relative = path.relative(webDir, filePath).split(path.sep).join('/');
  return HASHED_ASSET.test(relative) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Paths the SPA fallback must not answer with index.html: a missing asset (an old chunk after a
 * release) should fail as a 404, not run HTML as a script; and in production a source map is never
 * public (it would hand out the source), whether or not the build made one.
 */
export function isNeverFallback(url: string, production: boolean): boolean {
  const pathname = url.split('?')[0] ?? url;
  return pathname.startsWith('/assets/') || (production && pathname.endsWith('.map'));
}
