import { Button, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useLogout, useSystemDate } from '../api/queries';
import type { User } from '../api/types';
import { formatDate } from '../lib/dates';
import { roleLabel } from '../lib/labels';
import { RouterLink } from './RouterLink';
import { can, canSeeAttendanceRates } from '../lib/permissions';
import '../i18n';

interface NavItem {
  to: string;
  label: string;
}

function homeLabel(role: User['role']): string {
  if (role === 'consultant') return 'Werklijst';
  return role === 'teacher' ? 'Mijn lessen' : 'Overzicht';
}

function navItemsFor(user: User, clockSettable: boolean, t: (key: string) => string): NavItem[] {
  // Each role's home (issue #10 item 5, HomePage): the consultant's is the work list, a participant's
  // their own route. Every other item derives from a permission the server named for this session
  // (issue #10 item 1): the one the page's main API call requires, so no item leads to a 404.
  const participant = user.organisation.kind === 'participant';
  // Issue #12: the participant's own pages, in the language they chose (src/web/i18n); staff stay Dutch.
  // Issue #17 (R-SEC-2): the privacy officer's one job is the audit log; it is its home.
  const items: NavItem[] = user.role === 'privacyOfficer'
    ? [{ to: '/logboek', label: 'Logboek' }]
    : participant
    ? [
        { to: '/mijn-voortgang', label: t('nav.home') },
        { to: '/mijn-leerplan', label: t('nav.plan') },
        { to: '/mijn-rooster', label: t('nav.timetable') },
        { to: '/mijn-aanwezigheid', label: t('nav.attendance') },
        { to: '/mijn-activiteiten', label: t('nav.activities') },
      ]
    : [{ to: '/', label: homeLabel(user.role) }];
  // The work list holds the steps of referrals in one's room; without referral work it would stay empty.
  if (can(user, 'signal.list') && can(user, 'referral.read') && homeLabel(user.role) !== 'Werklijst') items.push({ to: '/werklijst', label: 'Werklijst' });
  if (can(user, 'participant.list')) items.push({ to: '/inburgeraars', label: 'Inburgeraars' });
  if (can(user, 'referral.acknowledge')) items.push({ to: '/aanmeldingen', label: 'Aanmeldingen' });
  if (can(user, 'group.read')) items.push({ to: '/groepen', label: 'Groepen' });
  if (canSeeAttendanceRates(user)) items.push({ to: '/aanwezigheid', label: 'Aanwezigheid' });
  if (can(user, 'referral.create')) items.push({ to: '/aanmelden', label: 'Nieuwe aanmelding' });
  // Issue #12: the participation provider's day; the language provider reads its participants there too.
  if (can(user, 'participation.write')) items.push({ to: '/deelname', label: 'Deelname' });
  // Issue #11: the provider declares (its own invoices are there too); the municipality checks them.
  if (can(user, 'invoice.prepare')) items.push({ to: '/declareren', label: 'Declareren' });
  else if (can(user, 'invoice.read')) items.push({ to: '/facturen', label: 'Facturen' });
  if (can(user, 'invoice.totals')) items.push({ to: '/factuurtotalen', label: 'Factuurtotalen' });
  // Issue #13: the reports the contract asks for, with their status (R-MI-6).
  if (can(user, 'report.read')) items.push({ to: '/rapportages', label: 'Rapportages' });
  if (can(user, 'report.read')) items.push({ to: '/managementinformatie', label: 'Managementinformatie' });
  // Issue #14: the contract manager runs the meetings and the ladder (R-CM-1, R-ESC-2) and keeps the quality
  // register (R-QLT-1, R-QLT-2, R-QLT-3, R-QLT-4); a provider reads the meetings it is party to and keeps its own quality record.
  if (can(user, 'meeting.manage')) items.push({ to: '/contract', label: 'Contract' });
  else if (can(user, 'meeting.read')) items.push({ to: '/overleg', label: 'Overleg' });
  if (can(user, 'quality.manage')) items.push({ to: '/kwaliteitsregister', label: 'Kwaliteitsregister' });
  else if (can(user, 'quality.respond')) items.push({ to: '/kwaliteit', label: 'Kwaliteit' });
  // Issue #14 (R-CM-3): the provider registers and handles complaints; the consultant reads its participants'.
  if (can(user, 'complaint.read')) items.push({ to: '/klachten', label: 'Klachten' });
  // Issue #14 (R-ESC-1): the participant-level ladder; the contract manager reads its cases under Contract.
  if (can(user, 'escalation.record')) items.push({ to: '/escalaties', label: 'Escalaties' });
  // Issue #17: accounts — the administrator every staff account, a coordinator its own teachers.
  if (can(user, 'user.manage')) items.push({ to: '/gebruikers', label: 'Gebruikers' });
  if (can(user, 'organisation.manage')) items.push({ to: '/organisaties', label: 'Organisaties' });
  if (can(user, 'contract.manage')) items.push({ to: '/contractversies', label: 'Contractversies' });
  if (can(user, 'apiKey.manage')) items.push({ to: '/koppelingen', label: 'Koppelingen' });
  if (can(user, 'outbox.read')) items.push({ to: '/uitgaande-mail', label: 'Uitgaande e-mail' });
  // Issue #15 (R-EXC-4): what Koers delivers to DUO, waiting, sent or refused.
  if (can(user, 'duo.queue')) items.push({ to: '/duo-berichten', label: 'DUO-berichten' });
  if (can(user, 'retention.manage')) items.push({ to: '/bewaartermijnen', label: 'Bewaartermijnen' });
  if (can(user, 'system.backup')) items.push({ to: '/back-up', label: 'Back-up' });
  // Demo mode only (issue #9): the date every deadline is judged by can be moved.
  if (clockSettable && can(user, 'demo.clock')) items.push({ to: '/demo', label: 'Systeemdatum' });
  // Issue #9: password and second factor; participants log in with DigiD and have neither here.
  if (!participant) items.push({ to: '/mijn-account', label: 'Mijn account' });
  return items;
}

function isCurrent(pathname: string, to: string): boolean {
  if (to === '/') return pathname === '/';
  // A participant's detail page belongs to "Inburgeraars"; /inburgeraars/:id/aanmelden too.
  if (to === '/groepen' && pathname.startsWith('/lessen/')) return true;
  // An invoice's page belongs to the provider's Declareren (the municipality's is /facturen itself).
  if (to === '/declareren' && pathname.startsWith('/facturen/')) return true;
  return pathname === to || pathname.startsWith(`${to}/`);
}

export function UserNav({ user }: { user: User }) {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const systemDate = useSystemDate().data;
  const { t: portal } = useTranslation();
  const participant = user.organisation.kind === 'participant';
  const t = (key: string) => (participant ? portal(key) : key);

  // The login page forgets the session once the signed-in pages are gone (see forgetSession).
  const signOut = () => {
    logout.mutate(undefined, {
      onSettled: () => void navigate('/inloggen', { replace: true, state: { signedOut: true } }),
    });
  };

  return (
    <nav aria-label={participant ? t('nav.menu') : 'Hoofdmenu'} className="koers-nav">
      <ul className="koers-nav__list">
        {navItemsFor(user, systemDate?.settable === true, t).map((item) => (
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
            {participant ? t('nav.role') : roleLabel(user.role)}, {user.organisation.name}
          </span>
          {systemDate?.settable && <span className="koers-user__date">Systeemdatum {formatDate(systemDate.today)}</span>}
        </Paragraph>
        <Button appearance="secondary-action-button" onClick={signOut} busy={logout.isPending}>
          {participant ? t('nav.logout') : 'Uitloggen'}
        </Button>
      </div>
    </nav>
  );
}
