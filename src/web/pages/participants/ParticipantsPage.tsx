import { Checkbox, FormLabel, Heading, Paragraph } from '@utrecht/component-library-react';
import { useParticipants, type ParticipantListParams } from '../../api/queries';
import { useUser } from '../../components/AppLayout';
import { exportHref, SearchBox, useListState } from '../../components/DataTable';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useFollowing } from '../../lib/useFollowing';
import { NotAllowed } from '../NotAllowed';
import { BsnSearch } from './BsnSearch';
import { ParticipantTable } from './ParticipantTable';
import { can } from '../../lib/permissions';

const PAGE_SIZE = 25;
type Sort = ParticipantListParams['sort'];
const SORTS: readonly Sort[] = ['name', '-name', 'createdAt', '-createdAt'];

/** `/inburgeraars`: search, sort and page through the participants the user may see. */
export function ParticipantsPage() {
  useDocumentTitle('Inburgeraars');
  const user = useUser();
  if (!can(user, 'participant.list')) return <NotAllowed title="Inburgeraars" />;
  return <ParticipantList showNewReferral={can(user, 'referral.create')} />;
}

function ParticipantList({ showNewReferral }: { showNewReferral: boolean }) {
  const list = useListState<Sort>(SORTS, 'name');
  // R-PAR-4: the youth segment, filtered on the server (under 27 today), kept in the address (?groep=jongeren).
  const youth = list.get('groep') === 'jongeren';
  const [youthBox, setYouthBox] = useFollowing(youth);
  const segment = youth ? ({ segment: 'youth' } as const) : {};
  const list_ = useParticipants({ q: list.q, sort: list.sort, page: list.page, pageSize: PAGE_SIZE, ...segment });

  return (
    <>
      <Heading level={1}>Inburgeraars</Heading>
      {showNewReferral && (
        <Paragraph>
          <RouterLink to="/aanmelden">Nieuwe inburgeraar aanmelden</RouterLink>
        </Paragraph>
      )}
      <SearchBox
        key={list.q}
        listLabel="Inburgeraars"
        label="Zoek op naam of klantnummer"
        initial={list.q}
        onSearch={(q) => list.set({ q })}
      />
      <div className="koers-column-choice__item">
        <Checkbox
          id="filter-jongeren"
          checked={youthBox}
          onChange={(event) => {
            setYouthBox(event.target.checked);
            list.set({ filters: { groep: event.target.checked ? 'jongeren' : '' } });
          }}
        />
        <FormLabel htmlFor="filter-jongeren" type="checkbox">
          Jongeren (onder 27)
        </FormLabel>
      </div>
      <div aria-live="polite" aria-busy={list_.isFetching}>
        {(list_.isPending || list_.isPlaceholderData) && <Loading what="Inburgeraars" />}
        {list_.isError && <LoadError error={list_.error} />}
        {/* The count only once it answers the search and segment in the address: the previous answer
            stays on screen while the next loads, and "90 inburgeraars onder 27 jaar" would be untrue. */}
        {list_.data && !list_.isPlaceholderData && (
          <Paragraph>
            {list_.data.total === 1 ? '1 inburgeraar' : `${list_.data.total} inburgeraars`}
            {list.q ? ` gevonden voor “${list.q}”` : ''}
            {youth ? ' onder 27 jaar' : ''}.
          </Paragraph>
        )}
      </div>
      {list_.data && list_.data.items.length > 0 && (
        <ParticipantTable
          caption="Inburgeraars"
          items={list_.data.items}
          sort={list.sort}
          onSort={(sort) => list.set({ sort: sort as Sort })}
          page={list.page}
          pageSize={PAGE_SIZE}
          total={list_.data.total}
          onPage={(page) => list.set({ page })}
          exportHref={(format) => exportHref('/participants/export', { q: list.q, sort: list.sort, ...segment }, format)}
        />
      )}
      <BsnSearch />
    </>
  );
}
