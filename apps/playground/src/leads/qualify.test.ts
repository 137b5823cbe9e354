import { describe, expect, it } from 'vitest';
import type { Lead } from './lead.js';
import { ruleBasedQualifier } from './qualify.js';

function lead(overrides: Partial<Lead>): Lead {
  return {
    email: 'someone@company.example',
    firstName: 'Some',
    lastName: 'One',
    phone: undefined,
    phoneUnparsed: false,
    company: undefined,
    website: undefined,
    domain: 'company.example',
    jobTitle: undefined,
    country: undefined,
    employees: undefined,
    leadSource: undefined,
    industry: undefined,
    lines: [2],
    ...overrides,
  };
}

describe('rule-based qualifier', () => {
  it('scores an executive at a large company from a demo request as tier A', () => {
    const result = ruleBasedQualifier.qualify(
      lead({
        jobTitle: 'VP of Sales',
        employees: 1200,
        phone: '+14155550133',
        country: 'US',
        website: 'https://company.example',
        leadSource: 'Demo Request',
      }),
    );
    expect(result).toEqual({
      score: 100,
      tier: 'A',
      reason:
        'VP or head title (+25), 1000+ employees (+25), business email (+15), valid phone (+10), target country US (+10), website (+5), demo request (+20) = 100, tier A',
    });
  });

  it('scores a student on a free mailbox from a purchased list as disqualified', () => {
    const result = ruleBasedQualifier.qualify(
      lead({ email: 'kid@gmail.com', jobTitle: 'Marketing Intern', leadSource: 'Purchased List' }),
    );
    expect(result.score).toBe(0);
    expect(result.tier).toBe('disqualified');
    expect(result.reason).toBe('student or intern (-20), purchased list (-10) = 0, tier disqualified');
  });

  it('puts the tier boundaries at 70, 45 and 20', () => {
    const manager = ruleBasedQualifier.qualify(lead({ jobTitle: 'Sales Manager', employees: 60 }));
    expect(manager.score).toBe(40);
    expect(manager.tier).toBe('C');
    const director = ruleBasedQualifier.qualify(
      lead({ jobTitle: 'Director', employees: 60, website: 'https://x.example' }),
    );
    expect(director.score).toBe(55);
    expect(director.tier).toBe('B');
  });

  it('gives no credit for an unparsed phone', () => {
    const result = ruleBasedQualifier.qualify(lead({ phone: 'ask reception', phoneUnparsed: true }));
    expect(result.score).toBe(15);
  });
});
