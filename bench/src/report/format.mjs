/** Formats a number with a fixed number of digits, or an en dash when it is not finite. */
export function num(value, digits = 0) {
  if (!Number.isFinite(value)) return '–';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** `median (min–max)`, or the median alone when there is one value or the range is empty. */
export function range(summary, digits = 0, suffix = '') {
  if (!summary || !Number.isFinite(summary.median)) return '–';
  const median = `${num(summary.median, digits)}${suffix}`;
  if (summary.n <= 1 || num(summary.min, digits) === num(summary.max, digits)) return median;
  return `${median} (${num(summary.min, digits)}–${num(summary.max, digits)})`;
}

export function ratio(summary, digits = 2) {
  return range(summary, digits, '×');
}

export function percent(value, digits = 1) {
  return `${num(value * 100, digits)}%`;
}

export function mib(bytes, digits = 1) {
  return num(bytes / 2 ** 20, digits);
}

export function table(header, rows) {
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

export function yesNo(met) {
  return met ? 'met' : '**not met**';
}
