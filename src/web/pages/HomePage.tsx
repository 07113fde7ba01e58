// `/`: each role's home. The participant's home is their own route in plain Dutch (`/mijn-voortgang`,
// issue #10 item 5): the work list is staff work and answers a participant nothing useful. Everyone else
// lands on the work list.
import { Navigate } from 'react-router-dom';
import { useUser } from '../components/AppLayout';
import { WorkListPage } from './WorkListPage';

export function HomePage() {
  const user = useUser();
  if (user.role === 'participant') return <Navigate to="/mijn-voortgang" replace />;
  return <WorkListPage />;
}
