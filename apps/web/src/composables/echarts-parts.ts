// The parts of ECharts the report charts draw, imported by name so the bundle carries only these (bar, line,
// funnel; SVG renderer). use-chart imports this module on first use; the map's parts are in echarts-map.ts.
import * as core from 'echarts/core';
import { BarChart, FunnelChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

core.use([BarChart, LineChart, FunnelChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

export { core };
