/** The text that replaces a secret wherever Patchbay reports a value. */
export const REDACTED = '[REDACTED]';

// Names of headers and object keys whose values are credentials.
const sensitiveName =
  /authorization|cookie|token|secret|password|passwd|api[-_]?key|apikey|hapikey|^key$|session|credential|private[-_]?key/i;

// Query parameters also carry OAuth authorization codes.
const sensitiveQueryName = new RegExp(`${sensitiveName.source}|^code$`, 'i');

/** Secrets shorter than this are not matched by value, so short ordinary words stay readable. */
const minSecretLength = 4;

function encodingsOf(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret)]);
  forms.add(encodeURIComponent(secret).replace(/%20/g, '+'));
  return [...forms];
}

/**
 * Removes credentials from URLs, headers, bodies and messages. Values are matched by name (an
 * `authorization` header, an `access_token` query parameter or JSON key) and by value: every
 * secret registered with {@link Redactor.addSecret} is replaced wherever it appears, including
 * URL-encoded, so a service that echoes a key back in an error body does not leak it.
 */
export class Redactor {
  readonly #secrets = new Set<string>();
  #patterns: string[] = [];

  constructor(secrets: Iterable<string> = []) {
    for (const secret of secrets) this.addSecret(secret);
  }

  /** Registers a secret value (an API key, a token, a password) to be replaced by value. */
  addSecret(secret: string | undefined): void {
    if (!secret || secret.length < minSecretLength || this.#secrets.has(secret)) return;
    this.#secrets.add(secret);
    this.#patterns = [...new Set([...this.#patterns, ...encodingsOf(secret)])].sort(
      (a, b) => b.length - a.length,
    );
  }

  /** Replaces registered secret values in a string. */
  text(value: string): string {
    let result = value;
    for (const pattern of this.#patterns) {
      if (result.includes(pattern)) result = result.split(pattern).join(REDACTED);
    }
    return result;
  }

  /** Redacts sensitive query parameters, userinfo and registered secrets in a URL. */
  url(value: string | URL): string {
    const text = typeof value === 'string' ? value : value.href;
    if (!text.includes('?') && !text.includes('@')) return this.text(text);

    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return this.text(text);
    }
    if (url.password) url.password = REDACTED;
    if (url.username && url.password) url.username = REDACTED;

    // Rewrite only the sensitive pairs so the remaining query keeps its order and encoding.
    if (url.search) {
      const pairs = url.search
        .slice(1)
        .split('&')
        .map((pair) => {
          const separator = pair.indexOf('=');
          const name = separator === -1 ? pair : pair.slice(0, separator);
          let decodedName = name;
          try {
            decodedName = decodeURIComponent(name);
          } catch {}
          return separator !== -1 && sensitiveQueryName.test(decodedName) ? `${name}=${REDACTED}` : pair;
        });
      url.search = `?${pairs.join('&')}`;
    }
    return this.text(url.href);
  }

  /** Copies headers with lower-cased names and sensitive values replaced. */
  headers(headers: Record<string, string> | Headers | undefined): Record<string, string> {
    const result: Record<string, string> = {};
    if (!headers) return result;
    const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
    for (const [name, value] of entries) {
      const lower = name.toLowerCase();
      result[lower] = sensitiveName.test(lower) ? REDACTED : this.text(String(value));
    }
    return result;
  }

  /** Deep-copies a JSON-like value, replacing sensitive keys and registered secrets in strings. */
  value<T>(input: T): T {
    return this.#value(input, 0) as T;
  }

  #value(input: unknown, depth: number): unknown {
    if (typeof input === 'string') return this.text(input);
    if (input === null || typeof input !== 'object' || depth > 32) return input;
    if (Array.isArray(input)) return input.map((item) => this.#value(item, depth + 1));
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(input)) {
      result[key] =
        sensitiveName.test(key) && item !== null && typeof item !== 'object'
          ? REDACTED
          : this.#value(item, depth + 1);
    }
    return result;
  }
}
