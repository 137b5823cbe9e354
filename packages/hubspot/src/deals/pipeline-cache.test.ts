import { describe, expect, it } from 'vitest';
import { createHubSpotClient } from '../client/create-hubspot-client.js';
import { UnknownStageError } from '../errors/unknown-stage-error.js';
import { createFakeHubSpot } from '../testing/fake-hubspot.js';

const renewals = {
  id: '75e28846-ad0d-4be2-a027-5e1da6590b98',
  label: 'Renewals',
  displayOrder: 1,
  stages: [
    {
      id: '1001',
      label: 'Up For Renewal',
      displayOrder: 0,
      metadata: { isClosed: 'false', probability: '0.5' },
    },
    { id: '1002', label: 'Closed Won', displayOrder: 1, metadata: { isClosed: 'true', probability: '1.0' } },
  ],
};

function setup() {
  const fake = createFakeHubSpot({ pipelines: [renewals] });
  const deal = fake.seed('deals', { dealname: 'Big one' });
  const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport: fake.transport });
  return { fake, deal, hubspot };
}

const pipelineReads = (fake: ReturnType<typeof createFakeHubSpot>) =>
  fake.state.requests.filter((request) => request.path === '/crm/v3/pipelines/deals').length;

describe('deals.moveToStage', () => {
  it('resolves stage labels from pipelines fetched once', async () => {
    const { fake, deal, hubspot } = setup();
    await hubspot.deals.moveToStage(deal.id, { stage: 'Qualified To Buy', pipeline: 'Sales Pipeline' });
    await hubspot.deals.moveToStage(deal.id, { stage: 'presentationscheduled' });
    await hubspot.deals.moveToStage(deal.id, { stage: 'up for renewal' });
    expect(pipelineReads(fake)).toBe(1);
    expect(fake.state.deals[0]?.properties.dealstage).toBe('1001');
    expect(fake.state.deals[0]?.properties.pipeline).toBe(renewals.id);
  });

  it('lists the valid stages when a label is unknown, after one refetch', async () => {
    const { fake, deal, hubspot } = setup();
    const error = await hubspot.deals
      .moveToStage(deal.id, { stage: 'Won', pipeline: 'default' })
      .catch((caught) => caught);
    expect(UnknownStageError.isInstance(error)).toBe(true);
    expect((error as UnknownStageError).validChoices).toEqual([
      'Appointment Scheduled (appointmentscheduled)',
      'Qualified To Buy (qualifiedtobuy)',
      'Presentation Scheduled (presentationscheduled)',
      'Decision Maker Bought-In (decisionmakerboughtin)',
      'Contract Sent (contractsent)',
      'Closed Won (closedwon)',
      'Closed Lost (closedlost)',
    ]);
    expect((error as Error).message).toContain(
      'No stage of the pipeline "default" has the id or label "Won"; valid stages: Appointment Scheduled (appointmentscheduled),',
    );
    expect(pipelineReads(fake)).toBe(2);
    expect(fake.state.requests.some((request) => request.method === 'PATCH')).toBe(false);
  });

  it('asks for the pipeline when a label exists in several', async () => {
    const { deal, hubspot } = setup();
    await expect(hubspot.deals.moveToStage(deal.id, { stage: 'Closed Won' })).rejects.toThrow(
      'The stage "Closed Won" exists in several pipelines (Sales Pipeline, Renewals); pass pipeline.',
    );
  });

  it('rejects an unknown pipeline with the valid ones', async () => {
    const { hubspot, deal } = setup();
    await expect(
      hubspot.deals.moveToStage(deal.id, { stage: 'closedwon', pipeline: 'Partners' }),
    ).rejects.toThrow(
      'valid pipelines: Sales Pipeline (default), Renewals (75e28846-ad0d-4be2-a027-5e1da6590b98).',
    );
  });
});
