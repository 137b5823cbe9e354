import type { Lead } from './lead.js';

export type Tier = 'A' | 'B' | 'C' | 'disqualified';

/** A qualifier's verdict on one lead. */
export interface Qualification {
  /** 0 to 100. */
  score: number;
  tier: Tier;
  /** One line that explains the score, for the CRM and the report. */
  reason: string;
}

/**
 * Scores leads. The rule-based default below is deterministic; an AI scorer plugs in here by
 * implementing `qualify` (async allowed) with the same result shape.
 */
export interface Qualifier {
  readonly name: string;
  qualify(lead: Lead): Qualification | Promise<Qualification>;
}

/** Free mailbox providers: an address there says nothing about an employer. */
const freeMailDomains = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'hotmail.com',
  'outlook.com',
  'live.com',
  'aol.com',
  'icloud.com',
  'me.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'proton.me',
  'protonmail.com',
  'mail.com',
  'yandex.ru',
]);

const targetCountries = new Set([
  'US',
  'CA',
  'GB',
  'IE',
  'DE',
  'FR',
  'NL',
  'SE',
  'DK',
  'NO',
  'FI',
  'AU',
  'NZ',
  'CH',
  'AT',
  'BE',
]);

interface Rule {
  points: number;
  label: string;
}

function seniority(title: string | undefined): Rule | undefined {
  const value = title?.toLowerCase() ?? '';
  if (/\b(intern|student|trainee)\b/.test(value)) return { points: -20, label: 'student or intern' };
  if (/\b(ceo|cto|cfo|coo|cmo|cro|cio|chief|founder|co-founder|owner|president)\b/.test(value))
    return { points: 30, label: 'executive title' };
  if (/\b(vp|vice president|head of|svp|evp)\b/.test(value)) return { points: 25, label: 'VP or head title' };
  if (/\bdirector\b/.test(value)) return { points: 20, label: 'director title' };
  if (/\b(manager|lead|principal)\b/.test(value)) return { points: 10, label: 'manager title' };
  return undefined;
}

function companySize(employees: number | undefined): Rule | undefined {
  if (employees === undefined) return undefined;
  if (employees >= 1000) return { points: 25, label: '1000+ employees' };
  if (employees >= 200) return { points: 20, label: '200-999 employees' };
  if (employees >= 50) return { points: 15, label: '50-199 employees' };
  if (employees >= 10) return { points: 8, label: '10-49 employees' };
  return { points: 2, label: 'under 10 employees' };
}

function source(leadSource: string | undefined): Rule | undefined {
  const value = leadSource?.toLowerCase() ?? '';
  if (/demo/.test(value)) return { points: 20, label: 'demo request' };
  if (/referr?al|partner/.test(value)) return { points: 15, label: 'referral' };
  if (/webinar|event|trade ?show|conference/.test(value)) return { points: 8, label: 'event' };
  if (/ads?\b|paid|ppc|linkedin/.test(value)) return { points: 5, label: 'paid ads' };
  if (/purchased|list|cold/.test(value)) return { points: -10, label: 'purchased list' };
  return undefined;
}

/**
 * The default qualifier. Points: title (executive +30, VP or head +25, director +20, manager +10,
 * student or intern −20), company size (+2 to +25), business email +15, valid phone +10, target
 * country +10, website +5, source (demo +20, referral +15, event +8, paid ads +5, purchased list
 * −10). The sum is clamped to 0–100; tier A from 70, B from 45, C from 20, disqualified below.
 */
export const ruleBasedQualifier = {
  name: 'rules-v1',
  qualify(lead: Lead): Qualification {
    const rules: Rule[] = [];
    const add = (rule: Rule | undefined) => {
      if (rule) rules.push(rule);
    };
    add(seniority(lead.jobTitle));
    add(companySize(lead.employees));
    const domain = lead.email.split('@')[1] ?? '';
    add(freeMailDomains.has(domain) ? undefined : { points: 15, label: 'business email' });
    add(lead.phone && !lead.phoneUnparsed ? { points: 10, label: 'valid phone' } : undefined);
    add(
      lead.country && targetCountries.has(lead.country)
        ? { points: 10, label: `target country ${lead.country}` }
        : undefined,
    );
    add(lead.website ? { points: 5, label: 'website' } : undefined);
    add(source(lead.leadSource));

    const score = Math.max(
      0,
      Math.min(
        100,
        rules.reduce((sum, rule) => sum + rule.points, 0),
      ),
    );
    const tier: Tier = score >= 70 ? 'A' : score >= 45 ? 'B' : score >= 20 ? 'C' : 'disqualified';
    const parts = rules.map((rule) => `${rule.label} (${rule.points > 0 ? '+' : ''}${rule.points})`);
    return {
      score,
      tier,
      reason: `${parts.length > 0 ? parts.join(', ') : 'no signals'} = ${score}, tier ${tier}`,
    };
  },
} satisfies Qualifier;
