import { Navigate, Outlet, useLocation, useOutletContext } from 'react-router-dom';
import { useSession } from '../api/queries';
import type { User } from '../api/types';
import { LoadError, Loading } from './QueryStatus';
import { Shell } from './Shell';
import { UserNav } from './UserNav';

/**
 * The one frame around every route, kept mounted across navigation (also from /inloggen into the
 * app) so focus handling in Shell sees every page change.
 */
export function RootLayout() {
  const session = useSession();
  return (
    <Shell header={session.data ? <UserNav user={session.data} /> : undefined}>
      <Outlet />
    </Shell>
  );
}

/** Guard for signed-in pages; without a session the user goes to /inloggen. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) return <Loading what="Koers" />;
  if (session.isError) return <LoadError error={session.error} />;
  if (!session.data) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/inloggen" replace state={{ from }} />;
  }
  return <Outlet context={session.data satisfies User} />;
}

/** The signed-in user, for pages rendered inside RequireSession. */
export function useUser(): User {
  return useOutletContext<User>();
}
