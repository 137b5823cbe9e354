import { describe, expect, it } from 'vitest';
import { crmObjectSchema } from './crm-object.js';

describe('crmObjectSchema properties', () => {
  it('keeps string and null values as sent', () => {
    const record = { id: '51', properties: { email: 'ada@example.com', phone: null }, archived: false };

    const parsed = crmObjectSchema.parse(record);

    expect(parsed.properties).toEqual({ email: 'ada@example.com', phone: null });
    expect(parsed.id).toBe('51');
  });

  it('reports each invalid value with its path', () => {
    const record = { id: '51', properties: { email: 'ada@example.com', score: 7, tags: ['a'] } };

    const issues = crmObjectSchema.safeParse(record).error?.issues ?? [];

    expect(issues.map((issue) => issue.path)).toEqual([
      ['properties', 'score'],
      ['properties', 'tags'],
    ]);
    expect(issues[0]?.message).toContain('expected string, received number');
  });

  it('rejects properties that are not an object', () => {
    for (const properties of [null, ['a'], 'email']) {
      const result = crmObjectSchema.safeParse({ id: '51', properties });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['properties']);
    }
  });
});
