import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectColumns, headerKey } from './column-mapping.js';
import { readLeadsCsv } from './read-leads-csv.js';

const messy = readFileSync(new URL('../../data/messy-leads.csv', import.meta.url), 'utf8');

describe('column detection', () => {
  it.each([
    ['First Name', 'firstName'],
    ['firstname', 'firstName'],
    ['first_name', 'firstName'],
    ['Email 1', 'email'],
    ['E-mail', 'email'],
    ['Email Address', 'email'],
    ['Phone Number', 'phone'],
    ['Country/Region', 'country'],
    ['Number of Employees', 'employees'],
  ])('maps "%s" to %s', (header, field) => {
    const headers = field === 'email' ? [header, 'Name'] : ['Email', header];
    const mapping = detectColumns(headers);
    expect(mapping[field as keyof typeof mapping]).toBe(headers.indexOf(header));
  });

  it('folds header spellings', () => {
    expect(headerKey(' E-mail 1 ')).toBe('email1');
  });

  it('applies an explicit mapping before detection', () => {
    const mapping = detectColumns(['Work Mail', 'Email', 'Given'], {
      email: 'Work Mail',
      firstName: 'Given',
    });
    expect(mapping.email).toBe(0);
    expect(mapping.firstName).toBe(2);
  });

  it('names the missing column of a mapping', () => {
    expect(() => detectColumns(['Email', 'Name'], { company: 'Org' })).toThrow(
      'The mapping sends company to the column "Org", but the CSV header has no such column. Columns found: "Email", "Name".',
    );
  });

  it('explains how to fix a file without an email column', () => {
    expect(() => detectColumns(['Name', 'Phone'])).toThrow(
      'pass --mapping with a JSON file such as {"email": "Work Mail"}',
    );
  });
});

describe('readLeadsCsv', () => {
  const file = readLeadsCsv(messy);

  it('accounts for every data row', () => {
    expect(file.rowsRead).toBe(9);
    expect(file.leads).toHaveLength(4);
    expect(file.rejected).toHaveLength(3);
    expect(file.merged).toHaveLength(2);
    expect(file.leads.length + file.rejected.length + file.merged.length).toBe(file.rowsRead);
    expect(file.blankLines).toBe(2);
  });

  it('reports rejected rows with line numbers and reasons', () => {
    expect(file.rejected.map((row) => [row.line, row.reason])).toEqual([
      [6, 'missing email'],
      [7, 'invalid email "katherine.johnson@nasa"'],
      [11, 'has 12 fields but the header has 10; check for an unquoted comma'],
    ]);
  });

  it('merges duplicate emails into the first row and reports them', () => {
    expect(file.merged).toEqual([
      { line: 9, email: 'grace@navy.example', mergedInto: 4, filledFields: [] },
      { line: 13, email: 'tim@w3.example', mergedInto: 12, filledFields: ['phone'] },
    ]);
    const tim = file.leads.find((lead) => lead.email === 'tim@w3.example');
    expect(tim?.phone).toBe('+442079460999');
    expect(tim?.lines).toEqual([12, 13]);
  });

  it('keeps quoted commas and newlines inside cells', () => {
    const ada = file.leads.find((lead) => lead.email === 'ada@analytical.example');
    const grace = file.leads.find((lead) => lead.email === 'grace@navy.example');
    expect(ada?.company).toBe('Analytical Engines, Ltd');
    expect(grace?.company).toBe('US Navy Research Lab');
    expect(file.headers[0]).toBe('first_name');
  });

  it('numbers lines after multi-line cells in every line ending', () => {
    const lines = [
      'Email,Company',
      'ada@example.com,"Multi',
      'line, Inc"',
      'not-an-email,Acme',
      '',
      'bob@example.com,"Two',
      '',
      'breaks"',
      'carol@example.com,Initech,extra',
    ];
    for (const ending of ['\r\n', '\n', '\r']) {
      const file = readLeadsCsv(`\ufeff${lines.join(ending)}${ending}`);

      expect(file.rejected.map((row) => row.line)).toEqual([4, 9]);
      expect(file.leads.map((lead) => lead.lines)).toEqual([[2], [6]]);
      expect(file.leads[0]?.company).toBe('Multi line, Inc');
    }
  });

  it('normalizes emails, phones, websites and countries', () => {
    const ada = file.leads.find((lead) => lead.email === 'ada@analytical.example');
    expect(ada).toMatchObject({
      phone: '+442079460018',
      phoneUnparsed: false,
      website: 'https://analytical.example',
      domain: 'analytical.example',
      country: 'GB',
      employees: 250,
    });
    const linus = file.leads.find((lead) => lead.email === 'linus@kernel.example');
    expect(linus).toMatchObject({
      phone: 'not a phone',
      phoneUnparsed: true,
      company: 'Kernel Org',
      country: 'FI',
    });
  });

  it('rejects a file without rows or with a broken quote', () => {
    expect(() => readLeadsCsv('')).toThrow('The CSV is empty');
    expect(() => readLeadsCsv('Email\n"unterminated')).toThrow('The CSV could not be parsed');
  });

  it('names the row of an unclosed quote', () => {
    const rows = [
      'Email,Company',
      'a@example.com,"Multi',
      'line"',
      'b@example.com,"open',
      'c@example.com,fine',
    ];
    for (const ending of ['\r\n', '\n']) {
      expect(() => readLeadsCsv(`${rows.join(ending)}${ending}`)).toThrow(
        'a quoted cell in the row starting at line 4 is never closed',
      );
    }
  });
});
