export function median(values) {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Median, minimum and maximum of a list of numbers. */
export function spread(values) {
  const finite = values.filter((value) => Number.isFinite(value));
  return { median: median(finite), min: Math.min(...finite), max: Math.max(...finite), n: finite.length };
}
