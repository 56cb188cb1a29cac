// The ECharts that reportsite needs, and nothing more: the series types and
// components that internal/chart's kinds put in an option, the SVG renderer
// (for build-time rendering in goja and for the pages' "explore" mode), and
// the inside data zoom that explore mode adds. Modules are registered in the
// order of the full build (echarts/index.js), since registration order
// decides the order in which components are laid out and drawn.
import { use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { LineChart, BarChart, PieChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent,
  GraphicComponent,
  TooltipComponent,
  AxisPointerComponent,
  TitleComponent,
  MarkLineComponent,
  LegendComponent,
  DataZoomInsideComponent
} from 'echarts/components';
import { LabelLayout, LegacyGridContainLabel } from 'echarts/features';

export * from 'echarts/core';

use([SVGRenderer]);
use([LineChart, BarChart, PieChart, ScatterChart]);
use(GridComponent);
use(GraphicComponent);
use(TooltipComponent);
use(AxisPointerComponent);
use(TitleComponent);
use(MarkLineComponent);
use(LegendComponent);
use(DataZoomInsideComponent);
use(LabelLayout);
use(LegacyGridContainLabel);
