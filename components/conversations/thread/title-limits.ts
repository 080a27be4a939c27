/**
 * The longest title the API accepts (`TITLE_MAX_LENGTH` in `lib/conversations/api-schemas.ts`),
 * repeated here so the browser does not pull zod in with the schemas module.
 */
export const TITLE_MAX_LENGTH_CLIENT = 200;
