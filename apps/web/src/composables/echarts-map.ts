// The map's share of ECharts (map series, geo coordinates, the colour scale) and the region's city boundaries:
// imported by use-chart only for a map, so the other charts do not carry them.
import { MapChart } from 'echarts/charts';
import { GeoComponent, VisualMapComponent } from 'echarts/components';
import type * as Core from 'echarts/core';
import cities from 'virtual:zhejiang-cities';

export function registerRegionMap(core: typeof Core, name: string) {
  core.use([MapChart, GeoComponent, VisualMapComponent]);
  core.registerMap(name, cities as Parameters<typeof core.registerMap>[1]);
}
