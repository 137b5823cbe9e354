import type { Client } from '@patchbay/core';
import { z } from 'zod';
import { HubSpotValidationError } from '../errors/hubspot-validation-error.js';
import { UnknownStageError } from '../errors/unknown-stage-error.js';
import type { CallOptions } from '../objects/crm-object.js';

// GET /crm/v3/pipelines/{objectType}: https://developers.hubspot.com/docs/guides/api/crm/pipelines
export const pipelineStageSchema = z.looseObject({
  id: z.string(),
  label: z.string(),
  displayOrder: z.number().optional(),
  archived: z.boolean().optional(),
  metadata: z.record(z.string(), z.string()).optional(),
});

export const pipelineSchema = z.looseObject({
  id: z.string(),
  label: z.string(),
  displayOrder: z.number().optional(),
  archived: z.boolean().optional(),
  stages: z.array(pipelineStageSchema),
});

export type Pipeline = z.infer<typeof pipelineSchema>;
export type PipelineStage = z.infer<typeof pipelineStageSchema>;

const pipelineListSchema = z.looseObject({ results: z.array(pipelineSchema) });

function matches(candidate: { id: string; label: string }, idOrLabel: string): boolean {
  return candidate.id === idOrLabel || candidate.label.toLowerCase() === idOrLabel.toLowerCase();
}

function describe(items: ReadonlyArray<{ id: string; label: string }>, prefix = ''): string[] {
  return items.map((item) => `${prefix}${item.label} (${item.id})`);
}

/**
 * The account's pipelines, fetched once and kept. A label or id that matches nothing triggers one
 * refetch (someone may have added a stage) before it fails with an {@link UnknownStageError}.
 */
export class PipelineCache {
  readonly #http: Client;
  readonly #objectType: string;
  #pipelines: Promise<Pipeline[]> | undefined;

  constructor(http: Client, objectType = 'deals') {
    this.#http = http;
    this.#objectType = objectType;
  }

  /** Returns the pipelines, from the cache unless `refresh` is set. */
  list(options: CallOptions & { refresh?: boolean } = {}): Promise<Pipeline[]> {
    if (!this.#pipelines || options.refresh) {
      const loading = this.#http
        .request({
          method: 'GET',
          path: `/crm/v3/pipelines/${this.#objectType}`,
          schema: pipelineListSchema,
          operation: 'pipelines.list',
          signal: options.signal,
        })
        .then(({ data }) => data.results.filter((pipeline) => !pipeline.archived));
      // A failed fetch is not cached, so the next call tries again.
      loading.catch(() => {
        if (this.#pipelines === loading) this.#pipelines = undefined;
      });
      this.#pipelines = loading;
    }
    return this.#pipelines;
  }

  /** Finds a pipeline by id or label (labels compare case-insensitively). */
  async resolvePipeline(pipeline: string, options: CallOptions = {}): Promise<Pipeline> {
    let pipelines = await this.list(options);
    let found = pipelines.find((candidate) => matches(candidate, pipeline));
    if (!found) {
      pipelines = await this.list({ ...options, refresh: true });
      found = pipelines.find((candidate) => matches(candidate, pipeline));
    }
    if (found) return found;
    const valid = describe(pipelines);
    throw new UnknownStageError(
      `No ${this.#objectType} pipeline has the id or label "${pipeline}"; valid pipelines: ${valid.join(', ')}.`,
      pipeline,
      valid,
    );
  }

  /**
   * Finds a stage by id or label, in the given pipeline or, without one, in every pipeline. A
   * label found in several pipelines needs the pipeline named.
   */
  async resolveStage(
    stage: string,
    options: CallOptions & { pipeline?: string } = {},
  ): Promise<{ pipeline: Pipeline; stage: PipelineStage }> {
    const search = async () => {
      const pipelines =
        options.pipeline === undefined
          ? await this.list(options)
          : [await this.resolvePipeline(options.pipeline, options)];
      const found = pipelines.flatMap((pipeline) =>
        pipeline.stages
          .filter((candidate) => matches(candidate, stage))
          .map((match) => ({ pipeline, stage: match })),
      );
      return { pipelines, found };
    };

    let { pipelines, found } = await search();
    if (found.length === 0) {
      await this.list({ signal: options.signal, refresh: true });
      ({ pipelines, found } = await search());
    }
    if (found.length > 1) {
      throw new HubSpotValidationError(
        `The stage "${stage}" exists in several pipelines (${found.map((match) => match.pipeline.label).join(', ')}); pass pipeline.`,
        { field: 'pipeline', code: 'AMBIGUOUS_STAGE' },
      );
    }
    if (found[0]) return found[0];

    const valid = pipelines.flatMap((pipeline) =>
      describe(pipeline.stages, pipelines.length > 1 ? `${pipeline.label} / ` : ''),
    );
    const where = options.pipeline === undefined ? 'any pipeline' : `the pipeline "${options.pipeline}"`;
    throw new UnknownStageError(
      `No stage of ${where} has the id or label "${stage}"; valid stages: ${valid.join(', ')}.`,
      stage,
      valid,
    );
  }
}
