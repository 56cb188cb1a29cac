// The ECharts that internal/echarts runs in goja to draw the SVGs at build
// time: entry.js without what only a reader's browser uses (the tooltip, the
// axis pointer and the inside data zoom draw nothing into a static SVG), and
// exporting only init, so that esbuild leaves out the rest of the API. The
// series and components that draw are registered as in entry.js, in the
// same order. Smaller to compile for every build that draws a chart; the
// SVGs are the same as entry.js's (TestBuildBundleDrawsAsPageBundle in
// internal/chart/kinds).
import { use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { LineChart, BarChart, PieChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent,
  GraphicComponent,
  TitleComponent,
  MarkLineComponent,
  LegendComponent
} from 'echarts/components';
import { LabelLayout, LegacyGridContainLabel } from 'echarts/features';

export { init } from 'echarts/core';

use([SVGRenderer]);
use([LineChart, BarChart, PieChart, ScatterChart]);
use(GridComponent);
use(GraphicComponent);
use(TitleComponent);
use(MarkLineComponent);
use(LegendComponent);
use(LabelLayout);
use(LegacyGridContainLabel);
