import { HttpError } from '@patchbay/core';
import type { AssociationsApi } from '../associations/associations-api.js';
import { HubSpotValidationError } from '../errors/hubspot-validation-error.js';
import type { CallOptions, CrmObject } from '../objects/crm-object.js';
import { createObjectApi, type ObjectContext } from '../objects/object-api.js';
import {
  type PropertyDefinition,
  type PropertyValues,
  propertyDefinitionSchema,
} from '../properties/property-definition.js';
import type { PipelineCache } from './pipeline-cache.js';

/**
 * Default name of the deal property that makes "one deal per contact and pipeline" a unique key.
 * It must exist with unique values; {@link DealsApi.ensureDealKeyProperty} creates it.
 */
export const defaultDealKeyProperty = 'patchbay_deal_key';

export interface MoveToStageOptions extends CallOptions {
  /** Stage id or label. */
  stage: string;
  /** Pipeline id or label; needed only when the stage label exists in several pipelines. */
  pipeline?: string;
}

export interface UpsertForContactInput {
  contactId: string;
  /** Pipeline id or label. */
  pipeline: string;
  /** Stage id or label; sets `dealstage` on create and on update. */
  stage?: string;
  properties: PropertyValues;
  /**
   * The unique deal property holding `<contactId>:<pipelineId>`.
   * @default 'patchbay_deal_key'
   */
  dealKeyProperty?: string;
}

export interface LineItemOptions extends CallOptions {
  /** @default ['name', 'quantity', 'price', 'amount', 'hs_product_id'] */
  properties?: string[];
}

/** Creates the deal operations: the common object operations plus stages, per-contact upsert and line items. */
export function createDealsApi(
  context: ObjectContext,
  associations: AssociationsApi,
  pipelines: PipelineCache,
) {
  const base = createObjectApi(context, 'deals');
  const lineItems = createObjectApi(context, 'line_items');

  return {
    ...base,
    pipelines,

    /** Moves a deal to a stage named by id or label, setting its pipeline too. */
    async moveToStage(dealId: string, options: MoveToStageOptions): Promise<CrmObject> {
      const resolved = await pipelines.resolveStage(options.stage, options);
      return base.update(dealId, { dealstage: resolved.stage.id, pipeline: resolved.pipeline.id }, options);
    },

    /**
     * Creates or updates the one deal of a contact in a pipeline. The deal is keyed by a unique
     * property containing `<contactId>:<pipelineId>` and written with batch upsert on it, so a
     * retried or repeated call finds the same deal instead of creating another. The contact link
     * uses the default-association PUT, which is idempotent too.
     */
    async upsertForContact(input: UpsertForContactInput, options: CallOptions = {}) {
      const keyProperty = input.dealKeyProperty ?? defaultDealKeyProperty;
      const pipeline = await pipelines.resolvePipeline(input.pipeline, options);
      const stage =
        input.stage === undefined
          ? undefined
          : await pipelines.resolveStage(input.stage, { ...options, pipeline: pipeline.id });
      const key = `${input.contactId}:${pipeline.id}`;
      const properties: PropertyValues = { ...input.properties, pipeline: pipeline.id };
      if (stage) properties.dealstage = stage.stage.id;

      const outcome = await base.batch.upsert([{ id: key, properties }], {
        idProperty: keyProperty,
        signal: options.signal,
      });
      const [first] = outcome.results;
      if (!first) {
        const failure = outcome.errors[0]?.error;
        if (failure instanceof Error) throw failure;
        throw new HubSpotValidationError(
          `HubSpot did not upsert the deal ${key}: ${failure?.message ?? 'no result and no error returned'}. ` +
            `Check that the deal property ${keyProperty} exists with unique values (ensureDealKeyProperty()).`,
          { field: 'dealKeyProperty', code: failure?.category ?? 'UPSERT_FAILED' },
        );
      }
      await associations.createDefault('deals', first.value.id, 'contacts', input.contactId, options);
      return { record: first.value as CrmObject, created: first.value.new === true, key };
    },

    /** Creates the unique deal-key property unless it exists (needs `crm.schemas.deals.write`). */
    async ensureDealKeyProperty(
      name = defaultDealKeyProperty,
      options: CallOptions = {},
    ): Promise<PropertyDefinition> {
      try {
        const { data } = await context.http.request({
          method: 'GET',
          path: `/crm/v3/properties/deals/${encodeURIComponent(name)}`,
          schema: propertyDefinitionSchema,
          operation: 'properties.get',
          signal: options.signal,
        });
        return data;
      } catch (error) {
        if (!HttpError.isInstance(error) || error.status !== 404) throw error;
      }
      const { data } = await context.http.request({
        method: 'POST',
        path: '/crm/v3/properties/deals',
        json: {
          name,
          label: 'Patchbay deal key',
          description: 'contactId:pipelineId, so each contact has at most one deal per pipeline.',
          groupName: 'dealinformation',
          type: 'string',
          fieldType: 'text',
          hasUniqueValue: true,
        },
        schema: propertyDefinitionSchema,
        operation: 'properties.create',
        signal: options.signal,
      });
      return data;
    },

    /** Reads the line items of a deal: one association read, then batch reads of the items. */
    async lineItems(dealId: string, options: LineItemOptions = {}): Promise<CrmObject[]> {
      const links = await associations.list('deals', dealId, 'line_items', options).toArray();
      const ids = [...new Set(links.map((link) => link.toObjectId))];
      if (ids.length === 0) return [];
      const outcome = await lineItems.batch.read(ids, {
        properties: options.properties ?? ['name', 'quantity', 'price', 'amount', 'hs_product_id'],
        signal: options.signal,
      });
      const failed = outcome.failedChunks[0];
      if (failed) throw failed.error;
      return outcome.results.map((entry) => entry.value);
    },
  };
}

export type DealsApi = ReturnType<typeof createDealsApi>;
