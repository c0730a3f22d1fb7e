/**
 * Reports: self-contained HTML (inline CSS and SVG, no network) and the chart helpers they share.
 * Charts are drawn with Observable Plot on a server-side DOM (linkedom).
 */
export { type BarSeries, type BarsOptions, barsChart } from './charts/bars.js';
export { type HeatmapOptions, heatmapChart } from './charts/heatmap.js';
export { type HistogramOptions, type HistogramSeries, histogramChart } from './charts/histogram.js';
export { type LineOptions, type LinePoint, type LineSeries, lineChart } from './charts/line.js';
export {
  COLORS,
  escapeHtml,
  formatNumber,
  formatPercent,
  type Html,
  html,
  page,
  raw,
  type TableColumn,
  table,
} from './html.js';
export { renderMonitorReport } from './monitor-report.js';
export { type ProfileReportOptions, renderProfileReport } from './profile-report.js';
