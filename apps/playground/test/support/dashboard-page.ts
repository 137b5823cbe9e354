import type { Page } from 'playwright-core';

/** Reads the summary table as the page shows it. */
export async function summaryOnPage(page: Page): Promise<{ rows: Array<[string, string]>; verdict: string }> {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll('#summary-table tbody tr')].map(
      (row) =>
        [row.querySelector('th')?.textContent ?? '', row.querySelector('td')?.textContent ?? ''] as [
          string,
          string,
        ],
    );
    const verdict = document.querySelector('#summary-table tfoot tr[data-accounted]')?.textContent ?? '';
    return { rows, verdict };
  });
}

/** Counts the retried attempts on one service's timeline by retry reason. */
export async function retryReasonsOnPage(page: Page, service: string): Promise<Record<string, number>> {
  return page.evaluate((name) => {
    const counts: Record<string, number> = {};
    for (const row of document.querySelectorAll<HTMLElement>(`.timeline[data-service="${name}"] .attempt`)) {
      const reason = row.dataset.retryReason;
      if (reason) counts[reason] = (counts[reason] ?? 0) + 1;
    }
    return counts;
  }, service);
}

/** A point of a rate-limit chart with the y of the limit line at its own limit, in SVG units. */
export interface ChartPoint {
  bucket: string;
  used: number;
  limit: number;
  overLimit: boolean;
  cy: number;
  limitY: number;
}

/** Collects every usage point of every rate-limit chart, with the y that the chart's scale gives its limit. */
export async function limitChartPoints(page: Page): Promise<ChartPoint[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGSVGElement>('.limit-chart svg')].flatMap((svg) => {
      const yTop = Number(svg.dataset.yTop);
      const plotTop = Number(svg.dataset.plotTop);
      const plotBottom = Number(svg.dataset.plotBottom);
      const bucket = svg.closest<HTMLElement>('.limit-chart')?.dataset.bucket ?? '';
      return [...svg.querySelectorAll<SVGCircleElement>('circle.usage-point')].map((circle) => {
        const limit = Number(circle.dataset.limit);
        return {
          bucket,
          used: Number(circle.dataset.used),
          limit,
          overLimit: circle.dataset.overLimit === 'true',
          cy: Number(circle.getAttribute('cy')),
          limitY: plotBottom - (limit / yTop) * (plotBottom - plotTop),
        };
      });
    }),
  );
}

/**
 * Finds visible text whose contrast with the background behind it is under 4.5:1 (WCAG AA), computed
 * from the rendered colours; SVG text is checked by its fill.
 */
export async function lowContrastText(page: Page): Promise<Array<{ text: string; ratio: number }>> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number];
    const parse = (color: string): Rgba => {
      const parts = (color.match(/[\d.]+/g) ?? []).map(Number);
      return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
    };
    const luminance = ([r, g, b]: Rgba) => {
      const [lr, lg, lb] = [r, g, b].map((channel) => {
        const value = channel / 255;
        return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
    };
    const background = (element: Element): Rgba => {
      for (let node: Element | null = element; node; node = node.parentElement) {
        const color = parse(getComputedStyle(node).backgroundColor);
        if (color[3] > 0) return color;
      }
      return [255, 255, 255, 1];
    };

    const failures: Array<{ text: string; ratio: number }> = [];
    for (const element of document.body.querySelectorAll('*')) {
      const text = [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '')
        .join('')
        .trim();
      if (text === '' || element.getClientRects().length === 0) continue;
      const style = getComputedStyle(element);
      const foreground = parse(element instanceof SVGElement ? style.fill : style.color);
      const [light, dark] = [luminance(foreground), luminance(background(element))].sort((a, b) => b - a) as [
        number,
        number,
      ];
      const ratio = (light + 0.05) / (dark + 0.05);
      if (ratio < 4.5) failures.push({ text: text.slice(0, 60), ratio: Math.round(ratio * 100) / 100 });
    }
    return failures;
  });
}
