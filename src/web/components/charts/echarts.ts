/**
 * The part of ECharts the dashboards use (funnel, pie, bar; tooltip, grid, legend, aria; SVG), loaded
 * only by the chart component's own chunk — never by the login page or the shell.
 */
import { BarChart, FunnelChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  FunnelChart,
  PieChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  SVGRenderer,
]);

export { echarts };
export type { EChartsCoreOption as ChartOption } from 'echarts/core';
