/** Types for gen-api-types.mjs (plain ESM so it runs with `node` alone). */
export const SCHEMA_FILE: string;
export function renderApiTypes(spec: unknown): Promise<string>;
