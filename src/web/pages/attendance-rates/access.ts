import type { User } from '../../api/types';

/** The list of rates is for the municipality's consultant and the provider's coordinator (issue #4 item 7). */
export function canSeeAttendanceRates(user: User): boolean {
  return user.role === 'consultant' || user.role === 'providerCoordinator';
}
