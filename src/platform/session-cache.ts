// Issue #16: a short-lived, per-process cache of who is behind a session token, so a read request need
// not wait for the session lookup before its own statements. It never decides alone: every request it
// serves sends the same lookup with its transaction's first statement (request-guard.ts), and nothing the
// request read is answered unless that lookup still finds the session and the same access. So a logout, a
// revoke, an ended account or a changed role on any instance ends the session at the next request, as
// without the cache (test/session-cache.int.test.ts). An entry lives no longer than the interval at which a
// session's last use is written (TOUCH_AFTER_MS), so the idle timeout is kept as before.
import type { VerifiedUser } from './access.js';
import { sha256 } from './crypto.js';

interface Entry {
  user: VerifiedUser;
  /** The session's last use as written in the database. */
  lastSeenAt: number;
}

const MAX_ENTRIES = 10_000;
const entries = new Map<string, Entry>();

/** The cached user of a session whose last use need not be written at `now`, within `maxAgeMs`. */
export function cachedSession(token: string, now: Date, maxAgeMs: number): VerifiedUser | undefined {
  const entry = entries.get(sha256(token));
  if (entry === undefined) return undefined;
  if (now.getTime() - entry.lastSeenAt >= maxAgeMs) {
    entries.delete(sha256(token));
    return undefined;
  }
  return entry.user;
}

export function rememberSession(token: string, user: VerifiedUser, lastSeenAt: Date): void {
  const key = sha256(token);
  entries.delete(key);
  // The oldest entry makes room (a Map iterates in insertion order).
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(key, { user, lastSeenAt: lastSeenAt.getTime() });
}

export function forgetSession(token: string): void {
  entries.delete(sha256(token));
}

/** A password change or reset ends a user's other sessions: this process forgets them at once too. */
export function forgetUserSessions(userId: string, keepToken?: string): void {
  const keep = keepToken === undefined ? undefined : sha256(keepToken);
  for (const [key, entry] of entries) if (entry.user.id === userId && key !== keep) entries.delete(key);
}

/** The fields that decide what a session may see: a change in any of them is a different access. */
export function sameAccess(a: VerifiedUser, b: VerifiedUser): boolean {
  return a.id === b.id && a.role === b.role && a.municipalityId === b.municipalityId && a.providerId === b.providerId && a.regionId === b.regionId && a.participantId === b.participantId;
}
