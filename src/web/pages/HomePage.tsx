// `/`: each role's home for its job (issue #10 item 5). The participant's is their own route in plain
// Dutch (`/mijn-voortgang`); the consultant's the work list; the teacher's its lessons of today and this
// week; the coordinator's new referrals, due steps and this week's lessons; the policy officer's and
// the contract manager's the figures without personal data; the administrator's the outbox and the date.
import { Navigate } from 'react-router-dom';
import { useUser } from '../components/AppLayout';
import { AdminHome } from './home/AdminHome';
import { CoordinatorHome } from './home/CoordinatorHome';
import { FiguresHome } from './home/FiguresHome';
import { TeacherHome } from './home/TeacherHome';
import { WorkListPage } from './WorkListPage';

export function HomePage() {
  const user = useUser();
  const role = user.role;
  if (role === 'participant') return <Navigate to="/mijn-voortgang" replace />;
  // Issue #17: the privacy officer's home is the audit search.
  if (role === 'privacyOfficer') return <Navigate to="/logboek" replace />;
  if (role === 'teacher') return <TeacherHome />;
  if (role === 'providerCoordinator') return <CoordinatorHome />;
  if (role === 'policyOfficer' || role === 'contractManager') return <FiguresHome />;
  if (role === 'admin') return <AdminHome />;
  return <WorkListPage />;
}
