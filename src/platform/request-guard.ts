// Issue #16: a check a request must pass before anything it read is answered, sent with the first
// statement of its transaction instead of as a round trip of its own. A read served from the session cache
// (session-cache.ts, http/access-hook.ts) carries its session's check on its RequestContext; a transaction
// opened with that check (db.transaction(fn, { check })) sends it in the same write as BEGIN and the first
// statement, and verifies its rows before that statement's answer reaches the caller. A request whose
// check no transaction took runs it just before its answer goes out (the onSend hook in access-hook.ts).
// Carried explicitly, not through AsyncLocalStorage: on Node 20 that turns on a hook for every promise.

export interface RequestGuard {
  text: string;
  params: unknown[];
  /** Throws (an AppError) when the rows say the request may not be answered. */
  verify(rows: readonly Record<string, unknown>[]): void;
  /** Set once a transaction or the onSend hook has taken the check. */
  taken: boolean;
}

/** The guard if no one has taken it yet, now taken by the caller, who must run and verify it. */
export function takeGuard(guard: RequestGuard | undefined): RequestGuard | undefined {
  if (guard === undefined || guard.taken) return undefined;
  guard.taken = true;
  return guard;
}
