export type { AssociatedObject } from './associations/association-schemas.js';
export type { AssociationCategory, AssociationTypeInput } from './associations/association-type-input.js';
export {
  type AssociationTypeEntry,
  associationTypeIdsFor,
  defaultAssociationTypeId,
  findAssociationType,
  hubSpotAssociationTypes,
} from './associations/association-types.js';
export {
  type AssociationBatchInput,
  type AssociationsApi,
  createAssociationsApi,
} from './associations/associations-api.js';
export { resolveAssociationTypes } from './associations/resolve-association-types.js';
export {
  type HubSpotOAuthApp,
  type HubSpotOAuthAppOptions,
  hubSpotAuthorizeUrl,
  hubSpotBaseUrl,
  hubSpotOAuth,
  hubSpotTokenPath,
} from './auth/hubspot-oauth.js';
export { requiredScopes, type ScopedOperation, scopesFor } from './auth/required-scopes.js';
export {
  type BatchApi,
  type BatchCreateInput,
  type BatchOptions,
  type BatchUpdateInput,
  type BatchUpsertInput,
  batchChunkSize,
} from './batch/batch-api.js';
export type { BatchRecord, HubSpotBatchItemError } from './batch/batch-response.js';
export type { BatchFailure, HubSpotBatchResult } from './batch/batch-result.js';
export { classifyHubSpotError } from './client/classify-hubspot-error.js';
export {
  createHubSpotClient,
  type HubSpotClient,
  type HubSpotClientOptions,
  type HubSpotOAuthOptions,
} from './client/create-hubspot-client.js';
export {
  type HubSpotErrorBody,
  hubSpotErrorBodySchema,
  readHubSpotErrorBody,
} from './client/hubspot-error-body.js';
export { hubSpotErrorRows } from './client/hubspot-error-rows.js';
export { HubSpotLimiter, type HubSpotLimiterOptions, searchBucket } from './client/hubspot-limiter.js';
export {
  type HubSpotLimits,
  type HubSpotTier,
  limitsForTier,
  maxCapacityPacks,
} from './client/hubspot-limits.js';
export { parseHubSpotRateLimitHeaders } from './client/parse-rate-limit-headers.js';
export { rateLimitPolicies, secondlyWindowMs, tenSecondlyWindowMs } from './client/rate-limit-policies.js';
export {
  createDealsApi,
  type DealsApi,
  defaultDealKeyProperty,
  type LineItemOptions,
  type MoveToStageOptions,
  type UpsertForContactInput,
} from './deals/deals-api.js';
export { type Pipeline, PipelineCache, type PipelineStage, pipelineSchema } from './deals/pipeline-cache.js';
export { AssociationBatchError, type AssociationPair } from './errors/association-batch-error.js';
export { HubSpotValidationError } from './errors/hubspot-validation-error.js';
export { SearchWindowError } from './errors/search-window-error.js';
export { UnknownStageError } from './errors/unknown-stage-error.js';
export type { AssociateWith, AssociationCreateInput } from './objects/association-input.js';
export type { ContactHistory, ContactHistoryOptions, HistoryType } from './objects/contact-history.js';
export { type ContactsApi, type CreateOrUpdateResult, createContactsApi } from './objects/contacts-api.js';
export { type CallOptions, type CrmObject, crmObjectSchema, type ObjectPage } from './objects/crm-object.js';
export { type CreateNoteInput, createNotesApi, type NotesApi } from './objects/notes-api.js';
export {
  type CreateInput,
  createObjectApi,
  type GetOptions,
  type ListOptions,
  type ObjectApi,
  type ObjectContext,
} from './objects/object-api.js';
export { engagementTypes, type ObjectType, objectTypeIds, objectTypes } from './objects/object-types.js';
export {
  type PropertyDefinition,
  type PropertyValue,
  type PropertyValues,
  propertyDefinitionSchema,
} from './properties/property-definition.js';
export { PropertyRegistry } from './properties/property-registry.js';
export { serializePropertyValue } from './properties/serialize-property.js';
export { searchAll, searchById, searchPage } from './search/search-objects.js';
export {
  type FilterOperator,
  maxSearchLimit,
  type SearchFilter,
  type SearchFilterGroup,
  type SearchPage,
  type SearchRequest,
  type SearchSort,
  searchWindow,
} from './search/search-request.js';
export {
  contactAssociationChangeEventSchema,
  contactCreationEventSchema,
  contactDeletionEventSchema,
  contactPropertyChangeEventSchema,
  dealAssociationChangeEventSchema,
  dealCreationEventSchema,
  dealPropertyChangeEventSchema,
  type HubSpotWebhookDelivery,
  type HubSpotWebhookEvent,
  hubSpotWebhookDeliverySchema,
  hubSpotWebhookEventSchema,
  otherWebhookEventSchema,
  parseHubSpotWebhookDelivery,
} from './webhooks/webhook-events.js';
