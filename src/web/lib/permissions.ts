// Issue #10 item 1: what the user may attempt comes from the server (GET /sessions/current names the
// role's permissions, src/platform/access.ts), never from a copy of the role table here. Every menu
// item and button asks `can`; the server still decides each request and its rows.
import type { Permission, User } from '../api/types';

export function can(user: Pick<User, 'permissions'>, permission: Permission): boolean {
  return user.permissions.includes(permission);
}

/**
 * The attendance-rate list names participants with their rates: it needs both the participant list
 * and attendance (a teacher reads attendance of its groups only, a participant its own).
 */
export function canSeeAttendanceRates(user: Pick<User, 'permissions'>): boolean {
  return can(user, 'participant.list') && can(user, 'attendance.read');
}

/** The staff progress page (`/inburgeraars/:id/voortgang`): progress of participants in one's room, not one's own. */
export function canSeeProgressOfOthers(user: Pick<User, 'permissions'>): boolean {
  return can(user, 'participant.list') && can(user, 'progress.read');
}
