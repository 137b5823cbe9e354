import { invalidParam } from './fake-stripe-error.js';

/** The searchable fields of one resource, by name. */
export interface SearchFields {
  /** The `object` value of the resource, such as `customer`. */
  object: string;
  strings: readonly string[];
  numbers: readonly string[];
}

type Operator = ':' | '~' | '>' | '<' | '>=' | '<=';

export interface SearchClause {
  field: string;
  /** Set for `metadata['key']` clauses. */
  metadataKey: string | undefined;
  operator: Operator;
  value: string | number | null;
  negated: boolean;
}

export interface ParsedQuery {
  join: 'AND' | 'OR';
  clauses: SearchClause[];
}

const clausePattern =
  /^(-)?([a-z_]+)(?:\[(?:'([^']*)'|"([^"]*)")\])?(>=|<=|:|~|>|<)(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(-?\d+(?:\.\d+)?)|(null))$/;

function unescapeQuoted(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

function parseClause(text: string): SearchClause {
  const match = clausePattern.exec(text.trim());
  if (!match) throw invalidParam('query', `Invalid search query clause: ${text.trim()}`);
  const [, negated, field, singleKey, doubleKey, operator, single, double, number, isNull] = match;
  const value = isNull
    ? null
    : number !== undefined
      ? Number(number)
      : unescapeQuoted(single ?? double ?? '');
  return {
    field: field as string,
    metadataKey: singleKey ?? doubleKey,
    operator: operator as Operator,
    value,
    negated: negated === '-',
  };
}

/**
 * Parses the subset of Stripe's search query language the fake supports: clauses such as
 * `email:'a@b.com'`, `metadata['order']:'42'`, `amount>1000` or `name~'ann'`, joined by all `AND`
 * or all `OR` (Stripe does not allow mixing them). Source: docs.stripe.com/search#search-query-language.
 */
export function parseSearchQuery(query: string): ParsedQuery {
  const hasAnd = / AND /.test(query);
  const hasOr = / OR /.test(query);
  if (hasAnd && hasOr) throw invalidParam('query', 'A search query cannot combine AND and OR.');
  const join = hasOr ? 'OR' : 'AND';
  return { join, clauses: query.split(` ${join} `).map(parseClause) };
}

function matchesClause(clause: SearchClause, value: Record<string, unknown>): boolean {
  let actual: unknown;
  if (clause.field === 'metadata') {
    actual = (value.metadata as Record<string, string> | undefined)?.[clause.metadataKey as string];
  } else {
    actual = value[clause.field];
    if (actual !== null && typeof actual === 'object' && 'id' in actual)
      actual = (actual as { id: unknown }).id;
  }

  let result: boolean;
  if (clause.value === null) result = actual === null || actual === undefined;
  else if (typeof clause.value === 'number' || ['>', '<', '>=', '<='].includes(clause.operator)) {
    const left = Number(actual);
    const right = Number(clause.value);
    result =
      clause.operator === '>'
        ? left > right
        : clause.operator === '<'
          ? left < right
          : clause.operator === '>='
            ? left >= right
            : clause.operator === '<='
              ? left <= right
              : left === right;
  } else if (clause.operator === '~') {
    result = typeof actual === 'string' && actual.toLowerCase().includes(clause.value.toLowerCase());
  } else {
    // Strings compare case-insensitively here; Stripe's docs do not state the case rule of exact
    // matches.
    result = typeof actual === 'string' && actual.toLowerCase() === clause.value.toLowerCase();
  }
  return clause.negated ? !result : result;
}

/** Rejects clauses on fields the resource cannot be searched by, before any object is read. */
export function checkSearchFields(query: ParsedQuery, fields: SearchFields): void {
  for (const clause of query.clauses) {
    if (clause.field === 'metadata' && clause.metadataKey !== undefined) continue;
    if (fields.strings.includes(clause.field) || fields.numbers.includes(clause.field)) continue;
    throw invalidParam(
      'query',
      `Field '${clause.field}' is not a supported search field for ${fields.object}.`,
    );
  }
}

export function matchesQuery(query: ParsedQuery, value: Record<string, unknown>): boolean {
  const results = query.clauses.map((clause) => matchesClause(clause, value));
  return query.join === 'AND' ? results.every(Boolean) : results.some(Boolean);
}
