/** Types for pg-server.mjs (plain ESM so `npm test` can use it before anything is compiled). */
export function startPostgres(): Promise<{ url: string; stop(): void }>;
