// The built-in list of communes lives beside the API schemas: the API searches it first
// (GET /api/v1/communes), the site shows and reads it from the same file.
export * from '../../../../schemas/geo/communes';
