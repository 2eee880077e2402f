// Apache ECharts, loaded on first use and only the parts the report charts draw (bar, line, funnel; SVG renderer);
// the map's parts and boundaries are a second import that only a map asks for.
import { onBeforeUnmount, shallowRef, watch, type Ref } from 'vue';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';

let loading: Promise<typeof import('echarts/core')> | null = null;

function loadECharts() {
  loading ??= import('./echarts-parts').then((parts) => parts.core);
  return loading;
}

/** The name the region's city boundaries are registered under; each feature is named by its region code. */
export const REGION_MAP = 'coop-region-cities';

let loadingMap: Promise<typeof import('echarts/core')> | null = null;

function loadEChartsWithMap() {
  loadingMap ??= Promise.all([loadECharts(), import('./echarts-map')]).then(([core, map]) => {
    map.registerRegionMap(core, REGION_MAP);
    return core;
  });
  return loadingMap;
}

/** Resolves once the element is on or near the screen: charts below the fold do not hold up the first paint. */
function nearScreen(el: HTMLElement): Promise<void> {
  if (typeof IntersectionObserver === 'undefined') return Promise.resolve();
  return new Promise((resolve) => {
    const watcher = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        watcher.disconnect();
        resolve();
      },
      { rootMargin: '200px' },
    );
    watcher.observe(el);
  });
}

/**
 * Draws `option` into the element, redraws when it changes, resizes with the element; `onClick` gets a category
 * index. `map` loads the map series and the region's boundaries (registered as `REGION_MAP`) first.
 */
export function useChart(
  element: Ref<HTMLElement | null>,
  option: Ref<EChartsCoreOption | null>,
  onClick?: (index: number) => void,
  { map = false }: { map?: boolean } = {},
) {
  const chart = shallowRef<EChartsType | null>(null);
  let observer: ResizeObserver | null = null;
  watch(
    [element, option],
    async ([el, opt]) => {
      if (!el || !opt) return;
      if (!chart.value) await nearScreen(el);
      if (el !== element.value || opt !== option.value) return; // a newer call draws it
      const echarts = await (map ? loadEChartsWithMap() : loadECharts());
      // Each chart draws in a task of its own, not in one long task with every other chart that loaded with it.
      if (!chart.value) await new Promise((resolve) => setTimeout(resolve));
      if (el !== element.value || opt !== option.value) return;
      if (!chart.value || chart.value.getDom() !== el) {
        chart.value?.dispose();
        chart.value = echarts.init(el, null, { renderer: 'svg' });
        if (onClick) chart.value.on('click', (params) => onClick(params.dataIndex));
        observer?.disconnect();
        if (typeof ResizeObserver !== 'undefined') {
          observer = new ResizeObserver(() => chart.value?.resize());
          observer.observe(el);
        }
      }
      chart.value.setOption(opt, true);
    },
    { immediate: true, flush: 'post' },
  );
  onBeforeUnmount(() => {
    observer?.disconnect();
    chart.value?.dispose();
  });
  return chart;
}
