/** A decoded form value: every scalar arrives as a string, as Stripe's servers see it. */
export type DecodedFormValue = string | DecodedFormValue[] | { [key: string]: DecodedFormValue };

/** Decoded parameters of one request. */
export type DecodedForm = { [key: string]: DecodedFormValue };

type Container = DecodedFormValue[] | { [key: string]: DecodedFormValue };

function decodeComponent(text: string): string {
  return decodeURIComponent(text.replace(/\+/g, ' '));
}

/** Splits `a[b][0][]` into `['a', 'b', '0', '']`; a name without brackets is one segment. */
function splitName(name: string): string[] {
  const open = name.indexOf('[');
  if (open <= 0 || !name.endsWith(']')) return [name];
  const segments = [name.slice(0, open)];
  const rest = name.slice(open);
  const pattern = /\[([^[\]]*)\]/g;
  let consumed = 0;
  for (let match = pattern.exec(rest); match !== null; match = pattern.exec(rest)) {
    if (match.index !== consumed) return [name];
    segments.push(match[1] as string);
    consumed = match.index + match[0].length;
  }
  return consumed === rest.length ? segments : [name];
}

const indexPattern = /^(0|[1-9]\d{0,5})$/;

function childContainer(nextSegment: string): Container {
  return nextSegment === '' || indexPattern.test(nextSegment) ? [] : {};
}

function assign(container: Container, segment: string, value: DecodedFormValue): void {
  if (Array.isArray(container)) {
    if (segment === '') container.push(value);
    else container[Number(segment)] = value;
  } else {
    container[segment] = value;
  }
}

function read(container: Container, segment: string): DecodedFormValue | undefined {
  if (Array.isArray(container)) return segment === '' ? undefined : container[Number(segment)];
  return Object.hasOwn(container, segment) ? container[segment] : undefined;
}

function place(root: DecodedForm, segments: string[], value: string): void {
  let container: Container = root;
  for (let index = 0; index < segments.length - 1; index += 1) {
    const segment = segments[index] as string;
    const next = segments[index + 1] as string;
    let child = read(container, segment);
    if (child === undefined || typeof child === 'string') {
      child = childContainer(next);
      assign(container, segment, child);
    } else if (Array.isArray(child) && next !== '' && !indexPattern.test(next)) {
      // A named key under what looked like a list: keep the items under their indexes.
      const converted: { [key: string]: DecodedFormValue } = {};
      child.forEach((item, itemIndex) => {
        converted[String(itemIndex)] = item;
      });
      assign(container, segment, converted);
      child = converted;
    }
    container = child;
  }
  assign(container, segments[segments.length - 1] as string, value);
}

/**
 * Decodes a Stripe-style form body or query string into nested values, the inverse of
 * `encodeForm`: `a[b]=1` gives `{ a: { b: '1' } }`, `a[]=x` and `a[0][k]=y` give lists. Scalars
 * stay strings (`'true'`, `'42'`, and `''` for an unset value) because the wire format has no
 * types. A segment of digits opens a list, so an object whose keys are all small whole numbers
 * (such as `metadata[0]`) decodes as a list.
 */
export function decodeForm(body: string): DecodedForm {
  const root: DecodedForm = {};
  const text = body.startsWith('?') ? body.slice(1) : body;
  if (text === '') return root;

  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const separator = pair.indexOf('=');
    const rawName = separator === -1 ? pair : pair.slice(0, separator);
    const rawValue = separator === -1 ? '' : pair.slice(separator + 1);
    const name = decodeComponent(rawName);
    if (name === '') continue;
    place(root, splitName(name), decodeComponent(rawValue));
  }
  return root;
}
