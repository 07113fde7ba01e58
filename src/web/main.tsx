import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router-dom';
import { isApiError, setUnauthorizedHandler } from './api/client';
import { keys } from './api/queries';
import { router } from './router';
import './theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // A 4xx will not change by asking again; network trouble and 5xx get two more tries.
      retry: (failures, error) => !(isApiError(error) && error.status < 500) && failures < 2,
    },
  },
});

// A 401 from any call means the session is gone: forget the user and go to /inloggen.
setUnauthorizedHandler(() => {
  queryClient.setQueryData(keys.session, null);
  const { pathname, search } = router.state.location;
  if (pathname !== '/inloggen') {
    void router.navigate('/inloggen', { replace: true, state: { from: `${pathname}${search}` } });
  }
});

const container = document.getElementById('root');
if (!container) throw new Error('#root ontbreekt in index.html');

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
