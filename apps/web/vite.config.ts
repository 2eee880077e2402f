/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import { chunkBudget, precompress, zhejiangCities } from './build-plugins';

// The dev server forwards /api to the API; override the target with API_PROXY_TARGET when it runs elsewhere.
const apiTarget = process.env.API_PROXY_TARGET ?? 'http://127.0.0.1:3000';

export default defineConfig(({ mode }) => ({
  plugins: [
    vue(),
    zhejiangCities(),
    components({
      dirs: [],
      dts: 'src/components.d.ts',
      // Styles on demand in the app; none in component tests, where Node cannot import CSS.
      resolvers: [ElementPlusResolver({ importStyle: mode === 'test' ? false : 'css' })],
    }),
    // Issue #13's page-weight gate: no chunk over 500 kB; the first route's total is checked in the browser tests.
    chunkBudget(500 * 1024),
    precompress(),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 500,
    // The first page's scripts are preloaded from index.html. A page opened later lets the browser fetch its
    // chunks as the imports ask for them: Vite's preload would add a <link> for each of them (about 90 for the
    // dashboard) in one task, which blocked a phone's main thread for most of a second.
    modulePreload: { resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []) },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  test: {
    environment: 'happy-dom',
    setupFiles: ['src/testing/setup.ts'],
    // Element Plus must share the tests' Vue instance, so it goes through Vite rather than Node.
    server: { deps: { inline: ['element-plus'] } },
    // The first page a test file mounts loads much of Element Plus module by module.
    testTimeout: 30_000,
  },
}));
