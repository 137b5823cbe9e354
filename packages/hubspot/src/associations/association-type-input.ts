/** Origin of an association type: HubSpot, a user (custom labels), or an app. */
export type AssociationCategory = 'HUBSPOT_DEFINED' | 'USER_DEFINED' | 'INTEGRATOR_DEFINED';

/** One association type of a link, as the v4 associations API takes it. */
export interface AssociationTypeInput {
  associationCategory: AssociationCategory;
  associationTypeId: number;
}
