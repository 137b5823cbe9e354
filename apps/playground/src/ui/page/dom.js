// Small DOM helpers. Text always goes in as text nodes, never as HTML, because CSV values and
// error messages reach the page unescaped.

const svgNamespace = 'http://www.w3.org/2000/svg';

function setAttributes(element, attributes) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
}

function appendChildren(element, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child);
  }
}

/** Creates an HTML element; attributes set to undefined, null or false are left out. */
export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  setAttributes(node, attributes);
  appendChildren(node, children);
  return node;
}

/** Creates an SVG element. */
export function svgElement(tag, attributes = {}, ...children) {
  const node = document.createElementNS(svgNamespace, tag);
  setAttributes(node, attributes);
  appendChildren(node, children);
  return node;
}

export const serviceNames = { hubspot: 'HubSpot', stripe: 'Stripe' };

/** Formats milliseconds since the run started as `+1.25 s`. */
export function formatOffset(ms) {
  return `+${(ms / 1000).toFixed(2)} s`;
}

/** Formats a duration in milliseconds as `450 ms` or `12.5 s`. */
export function formatDuration(ms) {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Formats a limiter window in milliseconds as `10 s`, `1 min` or `1 day`. */
export function formatWindow(ms) {
  if (ms < 60_000) return `${ms / 1000} s`;
  if (ms < 3_600_000) return `${ms / 60_000} min`;
  if (ms < 86_400_000) return `${ms / 3_600_000} h`;
  return ms === 86_400_000 ? '1 day' : `${ms / 86_400_000} days`;
}

/** Returns the badge tone of an HTTP status. */
export function statusTone(status) {
  if (status >= 200 && status < 300) return 'ok';
  if (status === 409 || status === 429) return 'warn';
  return 'bad';
}
