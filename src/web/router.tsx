import { createBrowserRouter } from 'react-router-dom';
import { RequireSession, RootLayout } from './components/AppLayout';
import { Loading } from './components/QueryStatus';
import { Shell } from './components/Shell';

function StartingUp() {
  return (
    <Shell>
      <Loading what="Koers" />
    </Shell>
  );
}

// Each page is its own chunk, loaded when first visited (ARCHITECTURE §6: keep the first load small).
export const router = createBrowserRouter([
  {
    element: <RootLayout />,
    HydrateFallback: StartingUp,
    children: [
      { path: '/inloggen', lazy: async () => ({ Component: (await import('./pages/LoginPage')).LoginPage }) },
      // Issue #9: reachable without a working session (a login that must enrol, a forgotten password).
      { path: '/tweede-factor-instellen', lazy: async () => ({ Component: (await import('./pages/account/EnrolPage')).EnrolPage }) },
      { path: '/wachtwoord-vergeten', lazy: async () => ({ Component: (await import('./pages/account/ForgotPasswordPage')).ForgotPasswordPage }) },
      { path: '/wachtwoord-herstellen', lazy: async () => ({ Component: (await import('./pages/account/ResetPasswordPage')).ResetPasswordPage }) },
      {
        element: <RequireSession />,
        children: [
          // Each role's home for its job (HomePage, issue #10 item 5); the consultant's is the work list.
          { index: true, lazy: async () => ({ Component: (await import('./pages/HomePage')).HomePage }) },
          // The work list where it is not the home (the coordinator's), reached from its home and the menu.
          { path: '/werklijst', lazy: async () => ({ Component: (await import('./pages/WorkListPage')).WorkListPage }) },
          {
            path: '/inburgeraars',
            lazy: async () => ({ Component: (await import('./pages/participants/ParticipantsPage')).ParticipantsPage }),
          },
          {
            path: '/inburgeraars/:id',
            lazy: async () => ({
              Component: (await import('./pages/participant/ParticipantDetailPage')).ParticipantDetailPage,
            }),
          },
          {
            path: '/inburgeraars/:id/voortgang',
            lazy: async () => ({ Component: (await import('./pages/progress/ProgressPage')).ProgressPage }),
          },
          {
            path: '/voortgangsrapportages/:id',
            lazy: async () => ({ Component: (await import('./pages/progress/ReportPage')).ReportPage }),
          },
          // Issue #12: the participant's own Koers in plain Dutch and English (R-PRT-1, R-PRT-2).
          { path: '/mijn-voortgang', lazy: async () => ({ Component: (await import('./pages/portal/MyProgressPage')).MyProgressPage }) },
          { path: '/mijn-leerplan', lazy: async () => ({ Component: (await import('./pages/portal/MyLearningPlanPage')).MyLearningPlanPage }) },
          { path: '/mijn-rooster', lazy: async () => ({ Component: (await import('./pages/portal/MyTimetablePage')).MyTimetablePage }) },
          { path: '/mijn-aanwezigheid', lazy: async () => ({ Component: (await import('./pages/portal/MyAttendancePage')).MyAttendancePage }) },
          { path: '/mijn-activiteiten', lazy: async () => ({ Component: (await import('./pages/portal/MyParticipationPage')).MyParticipationPage }) },
          {
            path: '/inburgeraars/:id/aanmelden',
            lazy: async () => ({ Component: (await import('./pages/aanmelden/ReferExistingPage')).ReferExistingPage }),
          },
          {
            path: '/aanmelden',
            lazy: async () => ({ Component: (await import('./pages/aanmelden/NewReferralPage')).NewReferralPage }),
          },
          { path: '/aanmeldingen', lazy: async () => ({ Component: (await import('./pages/ReferralsPage')).ReferralsPage }) },
          {
            path: '/aanmeldingen/:id',
            lazy: async () => ({ Component: (await import('./pages/referral/ReferralPage')).ReferralPage }),
          },
          { path: '/groepen', lazy: async () => ({ Component: (await import('./pages/groups/GroupsPage')).GroupsPage }) },
          { path: '/groepen/:id', lazy: async () => ({ Component: (await import('./pages/groups/GroupPage')).GroupPage }) },
          {
            path: '/groepen/:id/import',
            lazy: async () => ({ Component: (await import('./pages/groups/ImportPage')).ImportPage }),
          },
          { path: '/lessen/:id', lazy: async () => ({ Component: (await import('./pages/lesson/LessonPage')).LessonPage }) },
          {
            path: '/aanwezigheid',
            lazy: async () => ({ Component: (await import('./pages/attendance-rates/AttendanceRatesPage')).AttendanceRatesPage }),
          },
          // Issue #11: invoicing. The provider's Declareren, the municipality's Facturen, one invoice for
          // both sides, and the contract manager's totals.
          { path: '/deelname', lazy: async () => ({ Component: (await import('./pages/participation/DeelnamePage')).DeelnamePage }) },
          { path: '/deelname/:id', lazy: async () => ({ Component: (await import('./pages/participation/ParticipantParticipationPage')).ParticipantParticipationPage }) },
          { path: '/declareren', lazy: async () => ({ Component: (await import('./pages/invoicing/DeclarerenPage')).DeclarerenPage }) },
          { path: '/facturen', lazy: async () => ({ Component: (await import('./pages/invoicing/FacturenPage')).FacturenPage }) },
          { path: '/facturen/:invoiceId', lazy: async () => ({ Component: (await import('./pages/invoicing/InvoicePage')).InvoicePage }) },
          { path: '/factuurtotalen', lazy: async () => ({ Component: (await import('./pages/invoicing/TotalsPage')).TotalsPage }) },
          // Issue #13: the report instances and one report (R-MI-6): due, submitted, late; filled in and submitted by the provider.
          { path: '/rapportages', lazy: async () => ({ Component: (await import('./pages/reports/ReportsPage')).ReportsPage }) },
          { path: '/rapportages/:id', lazy: async () => ({ Component: (await import('./pages/reports/ReportInstancePage')).ReportInstancePage }) },
          // Issue #13, R-MI-1: the quarterly management information per municipality × product (suppressed for aggregate readers).
          { path: '/managementinformatie', lazy: async () => ({ Component: (await import('./pages/reports/mi/ManagementInfoPage')).ManagementInfoPage }) },
          // Issue #14 (R-CM-1, R-ESC-2): the contract manager's Contract section; the provider reads its meetings as Overleg.
          { path: '/contract', lazy: async () => ({ Component: (await import('./pages/contract/ContractPage')).ContractPage }) },
          { path: '/contract/escalatie', lazy: async () => ({ Component: (await import('./pages/contract/EscalationPage')).EscalationPage }) },
          // Issue #14 (R-ESC-1, R-CM-3): the contract manager's participant-level cases under their pseudonym, and the complaint totals.
          { path: '/contract/escalaties-inburgeraars', lazy: async () => ({ Component: (await import('./pages/escalation/EscalationsPage')).EscalationsPage }) },
          { path: '/contract/escalaties-inburgeraars/:id', lazy: async () => ({ Component: (await import('./pages/escalation/EscalationCasePage')).EscalationCasePage }) },
          { path: '/contract/klachten', lazy: async () => ({ Component: (await import('./pages/escalation/ComplaintTotalsPage')).ComplaintTotalsPage }) },
          { path: '/contract/:id', lazy: async () => ({ Component: (await import('./pages/contract/MeetingPage')).MeetingPage }) },
          { path: '/overleg', lazy: async () => ({ Component: (await import('./pages/contract/ContractPage')).ContractPage }) },
          { path: '/overleg/:id', lazy: async () => ({ Component: (await import('./pages/contract/MeetingPage')).MeetingPage }) },
          // Issue #14 (R-QLT-1, R-QLT-2, R-QLT-3, R-QLT-4): the contract manager's quality register; the provider's own record as Kwaliteit.
          { path: '/kwaliteitsregister', lazy: async () => ({ Component: (await import('./pages/quality/RegisterPage')).RegisterPage }) },
          { path: '/kwaliteitsregister/:contractId/:providerCode', lazy: async () => ({ Component: (await import('./pages/quality/RecordPage')).RecordPage }) },
          { path: '/kwaliteit', lazy: async () => ({ Component: (await import('./pages/quality/RegisterPage')).RegisterPage }) },
          { path: '/kwaliteit/:contractId/:providerCode', lazy: async () => ({ Component: (await import('./pages/quality/RecordPage')).RecordPage }) },
          // Issue #14 (R-CM-3): the provider's complaints register; the consultant reads those of its participants.
          { path: '/klachten', lazy: async () => ({ Component: (await import('./pages/complaints/ComplaintsPage')).ComplaintsPage }) },
          { path: '/klachten/:id', lazy: async () => ({ Component: (await import('./pages/complaints/ComplaintPage')).ComplaintPage }) },
          // Issue #14 (R-ESC-1): the participant-level ladder of the consultant and the provider's coordinator.
          { path: '/escalaties', lazy: async () => ({ Component: (await import('./pages/escalation/EscalationsPage')).EscalationsPage }) },
          { path: '/escalaties/:id', lazy: async () => ({ Component: (await import('./pages/escalation/EscalationCasePage')).EscalationCasePage }) },
          { path: '/koppelingen', lazy: async () => ({ Component: (await import('./pages/ApiKeysPage')).ApiKeysPage }) },
          { path: '/uitgaande-mail', lazy: async () => ({ Component: (await import('./pages/OutboxPage')).OutboxPage }) },
          { path: '/duo-berichten', lazy: async () => ({ Component: (await import('./pages/duo/DuoQueuePage')).DuoQueuePage }) },
          // Issue #17: the organisations and their identifiers (the administrator).
          { path: '/organisaties', lazy: async () => ({ Component: (await import('./pages/organisations/OrganisationsPage')).OrganisationsPage }) },
          // Issue #17 (R-CON-10): contract versions loaded in Koers (the administrator).
          { path: '/contractversies', lazy: async () => ({ Component: (await import('./pages/contracts/ContractVersionsPage')).ContractVersionsPage }) },
          // Issue #17: staff accounts (the administrator all, a coordinator its own teachers).
          { path: '/gebruikers', lazy: async () => ({ Component: (await import('./pages/users/UsersPage')).UsersPage }) },
          // Issue #17 (R-SEC-2): the privacy officer searches the municipality's audit log.
          { path: '/logboek', lazy: async () => ({ Component: (await import('./pages/audit/AuditSearchPage')).AuditSearchPage }) },
          // Issue #17 (R-SEC-4): the retention terms, the dry run and the purge log (admin).
          { path: '/bewaartermijnen', lazy: async () => ({ Component: (await import('./pages/retention/RetentionPage')).RetentionPage }) },
          { path: '/back-up', lazy: async () => ({ Component: (await import('./pages/retention/BackupPage')).BackupPage }) },
          { path: '/demo', lazy: async () => ({ Component: (await import('./pages/DemoClockPage')).DemoClockPage }) },
          { path: '/mijn-account', lazy: async () => ({ Component: (await import('./pages/account/AccountPage')).AccountPage }) },
          { path: '*', lazy: async () => ({ Component: (await import('./pages/NotAllowed')).NotFoundPage }) },
        ],
      },
    ],
  },
]);
