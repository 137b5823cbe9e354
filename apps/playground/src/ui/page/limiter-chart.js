import { element, formatDuration, formatWindow, serviceNames, svgElement } from './dom.js';

const width = 480;
const height = 180;
const margin = { top: 12, right: 12, bottom: 24, left: 44 };
const plotTop = margin.top;
const plotBottom = height - margin.bottom;
const plotLeft = margin.left;
const plotRight = width - margin.right;

function peak(points) {
  return points.reduce((max, point) => Math.max(max, point.used), 0);
}

/**
 * Draws one chart per limiter bucket: the requests started in the current window at each
 * `limiter-usage` event (points and line) against the bucket's limit (dashed line), with the
 * pauses from `limiter-paused` shaded. The y axis runs to 1.15 times the larger of the limit and
 * the peak usage, so a point is above the limit line only when the event reported more than
 * the limit.
 */
export function createLimiterCharts() {
  const container = document.getElementById('limit-charts');
  const empty = document.getElementById('limits-empty');
  const buckets = new Map();
  let endMs = 0;
  let frame;

  function bucketFor(event) {
    const id = `${event.service}:${event.bucket}`;
    let bucket = buckets.get(id);
    if (!bucket) {
      const caption = element('figcaption');
      const figure = element('figure', { class: 'limit-chart', 'data-bucket': id }, caption);
      bucket = {
        id,
        service: event.service,
        name: event.bucket,
        points: [],
        pauses: [],
        waits: 0,
        waitMs: 0,
        figure,
        caption,
      };
      buckets.set(id, bucket);
      container.append(figure);
      empty.hidden = true;
    }
    return bucket;
  }

  function scheduleRender() {
    if (frame !== undefined) return;
    frame = requestAnimationFrame(() => {
      frame = undefined;
      for (const bucket of buckets.values()) render(bucket);
    });
  }

  function render(bucket) {
    if (bucket.points.length === 0) {
      bucket.caption.textContent = `${serviceNames[bucket.service]} ${bucket.name}: waited ${bucket.waits} times, ${formatDuration(bucket.waitMs)} in all; no usage reported.`;
      return;
    }
    const last = bucket.points[bucket.points.length - 1];
    const label = `${serviceNames[bucket.service]} ${bucket.name} bucket: peak ${peak(bucket.points)} of ${last.limit} requests per ${formatWindow(last.windowMs)}`;
    const waits =
      bucket.waits > 0
        ? `; waited for the limiter ${bucket.waits} times, ${formatDuration(bucket.waitMs)} in all`
        : '';
    const pauses = bucket.pauses.length > 0 ? `; paused ${bucket.pauses.length} times` : '';

    bucket.caption.textContent = `${label}${waits}${pauses}.`;
    bucket.figure.querySelector('svg')?.remove();
    bucket.figure.append(drawChart(bucket, scaleFor(bucket.points, endMs), label));
  }

  return {
    reset() {
      buckets.clear();
      container.replaceChildren();
      empty.hidden = false;
      endMs = 0;
    },

    handle(event) {
      if (event.type === 'limiter-usage') {
        const { atMs, used, limit, windowMs } = event;
        bucketFor(event).points.push({ atMs, used, limit, windowMs });
      } else if (event.type === 'limiter-paused') {
        bucketFor(event).pauses.push({ fromMs: event.atMs, pausedForMs: event.pausedForMs });
      } else if (event.type === 'rate-limited') {
        const bucket = bucketFor(event);
        bucket.waits += 1;
        bucket.waitMs += event.waitMs;
      } else if (event.type !== 'run-finished' && event.type !== 'run-failed') {
        return;
      }
      endMs = Math.max(endMs, event.atMs);
      scheduleRender();
    },
  };
}

/** Maps run time and request counts to SVG coordinates. */
function scaleFor(points, endMs) {
  const maxLimit = points.reduce((max, point) => Math.max(max, point.limit), 0);
  const yTop = Math.max(maxLimit, peak(points), 1) * 1.15;
  const xEnd = Math.max(endMs, 1);
  return {
    yTop,
    xEnd,
    x: (ms) => plotLeft + (Math.min(ms, xEnd) / xEnd) * (plotRight - plotLeft),
    y: (value) => plotBottom - (value / yTop) * (plotBottom - plotTop),
  };
}

/** Returns the path of the limit line, which steps where the limit changes. */
function limitPathOf(points, { x, y }) {
  const segments = points.map((point, index) => {
    const previous = points[index - 1];
    const move = index === 0 ? `M${plotLeft},${y(point.limit)}` : `H${x(point.atMs)}`;
    return previous && previous.limit !== point.limit ? `${move}V${y(point.limit)}` : move;
  });
  return `${segments.join('')}H${plotRight}`;
}

/** Draws the axes, pauses, limit line and usage points of one bucket. */
function drawChart(bucket, scale, label) {
  const { points, pauses } = bucket;
  const { x, y } = scale;
  const last = points[points.length - 1];

  return svgElement(
    'svg',
    {
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-label': label,
      'data-y-top': scale.yTop,
      'data-plot-top': plotTop,
      'data-plot-bottom': plotBottom,
    },
    ...pauses.map((pause) =>
      svgElement('rect', {
        class: 'pause',
        x: x(pause.fromMs),
        y: plotTop,
        width: Math.max(x(pause.fromMs + pause.pausedForMs) - x(pause.fromMs), 1),
        height: plotBottom - plotTop,
      }),
    ),
    svgElement('line', { class: 'axis', x1: plotLeft, y1: plotTop, x2: plotLeft, y2: plotBottom }),
    svgElement('line', { class: 'axis', x1: plotLeft, y1: plotBottom, x2: plotRight, y2: plotBottom }),
    svgElement('text', { x: plotLeft - 6, y: plotBottom + 4, 'text-anchor': 'end' }, '0'),
    svgElement(
      'text',
      { class: 'limit-label', x: plotLeft - 6, y: y(last.limit) + 4, 'text-anchor': 'end' },
      String(last.limit),
    ),
    svgElement('text', { x: plotLeft, y: height - 6 }, '0 s'),
    svgElement('text', { x: plotRight, y: height - 6, 'text-anchor': 'end' }, formatDuration(scale.xEnd)),
    svgElement('path', { class: 'limit-line', d: limitPathOf(points, scale), 'data-limit': last.limit }),
    svgElement('polyline', {
      class: 'usage-line',
      points: points.map((point) => `${x(point.atMs)},${y(point.used)}`).join(' '),
    }),
    ...points.map((point) =>
      svgElement('circle', {
        class: 'usage-point',
        cx: x(point.atMs),
        cy: y(point.used),
        r: 2,
        'data-used': point.used,
        'data-limit': point.limit,
        'data-at-ms': point.atMs,
        'data-over-limit': String(point.used > point.limit),
      }),
    ),
  );
}
