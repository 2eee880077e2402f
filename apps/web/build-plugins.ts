// Build-time gates and outputs for the web app's bundle.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import type { Plugin } from 'vite';

/** Fails the build when any JavaScript chunk is bigger than the budget (minified bytes), naming the chunk. */
export function chunkBudget(limitBytes: number): Plugin {
  return {
    name: 'coop:chunk-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const over = Object.values(bundle)
        .filter((item) => item.type === 'chunk' && Buffer.byteLength(item.code) > limitBytes)
        .map(
          (chunk) =>
            `${chunk.fileName} (${Math.round(Buffer.byteLength((chunk as { code: string }).code) / 1024)} kB)`,
        );
      if (over.length > 0) {
        this.error(
          `chunks over the ${Math.round(limitBytes / 1024)} kB budget: ${over.join(', ')}; split them (dynamic import) or import less`,
        );
      }
    },
  };
}

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt)$/;

/**
 * Writes .br and .gz beside each text asset so the server sends them compressed without compressing per request.
 * Runs on the written files: Vite still rewrites chunks (preload lists) after generateBundle.
 */
export function precompress(): Plugin {
  return {
    name: 'coop:precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const outDir = options.dir ?? 'dist';
      for (const fileName of Object.keys(bundle)) {
        if (!COMPRESSIBLE.test(fileName)) continue;
        const path = join(outDir, fileName);
        const source = readFileSync(path);
        if (source.length < 1024) continue;
        writeFileSync(`${path}.gz`, gzipSync(source, { level: 9 }));
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}
