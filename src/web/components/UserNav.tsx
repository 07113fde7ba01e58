import { Button, Paragraph } from '@utrecht/component-library-react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useLogout, useSystemDate } from '../api/queries';
import type { User } from '../api/types';
import { formatDate } from '../lib/dates';
import { canSeeGroups } from '../lib/attendanceLabels';
import { canListParticipants, canRefer, canSeeOutbox, roleLabel, seesIncomingReferrals } from '../lib/labels';
import { canSeeAttendanceRates } from '../pages/attendance-rates/access';
import { RouterLink } from './RouterLink';

interface NavItem {
  to: string;
  label: string;
}

function homeLabel(role: User['role']): string {
  if (role === 'consultant') return 'Werklijst';
  return role === 'teacher' ? 'Mijn lessen' : 'Overzicht';
}

function navItemsFor(user: User, clockSettable: boolean): NavItem[] {
  // Each role's home (issue #10 item 5, HomePage): the consultant's is the work list, a participant's
  // their own route; the coordinator reaches the work list beside its home. Teachers, policy officers,
  // contract managers and administrators get no signals (signalInScope), so no work list.
  const items: NavItem[] = [];
  if (user.role !== 'participant') items.push({ to: '/', label: homeLabel(user.role) });
  if (user.role === 'providerCoordinator') items.push({ to: '/werklijst', label: 'Werklijst' });
  if (canListParticipants(user)) items.push({ to: '/inburgeraars', label: 'Inburgeraars' });
  if (user.role === 'participant') items.push({ to: '/mijn-voortgang', label: 'Mijn voortgang' });
  if (seesIncomingReferrals(user)) items.push({ to: '/aanmeldingen', label: 'Aanmeldingen' });
  if (canSeeGroups(user)) items.push({ to: '/groepen', label: 'Groepen' });
  if (canSeeAttendanceRates(user)) items.push({ to: '/aanwezigheid', label: 'Aanwezigheid' });
  if (canRefer(user)) items.push({ to: '/aanmelden', label: 'Nieuwe aanmelding' });
  if (user.role === 'providerCoordinator') items.push({ to: '/koppelingen', label: 'Koppelingen' });
  if (canSeeOutbox(user)) items.push({ to: '/uitgaande-mail', label: 'Uitgaande e-mail' });
  // Demo mode only, and the administrator only (issue #9): the date every deadline is judged by can be moved.
  if (clockSettable && user.role === 'admin') items.push({ to: '/demo', label: 'Systeemdatum' });
  // Issue #9: password and second factor; participants log in with DigiD and have neither here.
  if (user.role !== 'participant') items.push({ to: '/mijn-account', label: 'Mijn account' });
  return items;
}

function isCurrent(pathname: string, to: string): boolean {
  if (to === '/') return pathname === '/';
  // A participant's detail page belongs to "Inburgeraars"; /inburgeraars/:id/aanmelden too.
  if (to === '/groepen' && pathname.startsWith('/lessen/')) return true;
  return pathname === to || pathname.startsWith(`${to}/`);
}

export function UserNav({ user }: { user: User }) {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const systemDate = useSystemDate().data;

  // The login page forgets the session once the signed-in pages are gone (see forgetSession).
  const signOut = () => {
    logout.mutate(undefined, {
      onSettled: () => void navigate('/inloggen', { replace: true, state: { signedOut: true } }),
    });
  };

  return (
    <nav aria-label="Hoofdmenu" className="koers-nav">
      <ul className="koers-nav__list">
        {navItemsFor(user, systemDate?.settable === true).map((item) => (
          <li key={item.to} className="koers-nav__item">
            <RouterLink to={item.to} aria-current={isCurrent(pathname, item.to) ? 'page' : undefined}>
              {item.label}
            </RouterLink>
          </li>
        ))}
      </ul>
      <div className="koers-user">
        <Paragraph className="koers-user__who">
          <span className="koers-user__name">{user.name}</span>
          <span className="koers-user__role">
            {roleLabel(user.role)}, {user.organisation.name}
          </span>
          {systemDate?.settable && <span className="koers-user__date">Systeemdatum {formatDate(systemDate.today)}</span>}
        </Paragraph>
        <Button appearance="secondary-action-button" onClick={signOut} busy={logout.isPending}>
          Uitloggen
        </Button>
      </div>
    </nav>
  );
}
