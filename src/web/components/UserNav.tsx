import { Button, Paragraph } from '@utrecht/component-library-react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useLogout } from '../api/queries';
import type { User } from '../api/types';
import { canListParticipants, canRefer, roleLabel, seesIncomingReferrals } from '../lib/labels';
import { RouterLink } from './RouterLink';

interface NavItem {
  to: string;
  label: string;
}

function navItemsFor(user: User): NavItem[] {
  const items: NavItem[] = [{ to: '/', label: 'Werklijst' }];
  if (canListParticipants(user)) items.push({ to: '/inburgeraars', label: 'Inburgeraars' });
  if (seesIncomingReferrals(user)) items.push({ to: '/aanmeldingen', label: 'Aanmeldingen' });
  if (canRefer(user)) items.push({ to: '/aanmelden', label: 'Nieuwe aanmelding' });
  return items;
}

function isCurrent(pathname: string, to: string): boolean {
  if (to === '/') return pathname === '/';
  // A participant's detail page belongs to "Inburgeraars"; /inburgeraars/:id/aanmelden too.
  return pathname === to || pathname.startsWith(`${to}/`);
}

export function UserNav({ user }: { user: User }) {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();

  // The login page forgets the session once the signed-in pages are gone (see forgetSession).
  const signOut = () => {
    logout.mutate(undefined, {
      onSettled: () => void navigate('/inloggen', { replace: true, state: { signedOut: true } }),
    });
  };

  return (
    <nav aria-label="Hoofdmenu" className="koers-nav">
      <ul className="koers-nav__list">
        {navItemsFor(user).map((item) => (
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
        </Paragraph>
        <Button appearance="secondary-action-button" onClick={signOut} busy={logout.isPending}>
          Uitloggen
        </Button>
      </div>
    </nav>
  );
}
