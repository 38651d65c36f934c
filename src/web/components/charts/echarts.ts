/**
 * The part of ECharts the dashboards use (funnel, pie, bar, heatmap; tooltip, grid, legend, visual
 * map, aria; SVG), loaded only by the chart component's own chunk — never by the login page or the
 * shell.
 */
import { BarChart, FunnelChart, HeatmapChart, PieChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  FunnelChart,
  // The scorecard's indicator scores by jurisdiction.
  HeatmapChart,
  PieChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  SVGRenderer,
]);

export { echarts };
export type { EChartsCoreOption as ChartOption } from 'echarts/core';
