// The participation provider's day on the coordinator's home (issue #12, "Screens for staff"): how many
// participants it has for participation or MAP and how many portfolios are still to complete (R-MAP-3),
// each a way into /deelname. A language provider whose participants have no participation or MAP sees
// nothing here; the 200-hour meetings and other due steps are in "Stappen met een termijn".
import { Heading } from '@utrecht/component-library-react';
import { useParticipationCount } from '../../api/home';
import { LoadError, Loading } from '../../components/QueryStatus';
import { RouterLink } from '../../components/RouterLink';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function ParticipationDay() {
  const all = useParticipationCount();
  const incomplete = useParticipationCount('incomplete');
  if (all.isPending || incomplete.isPending) return <Loading what="Deelname" />;
  if (all.isError) return <LoadError error={all.error} />;
  if (incomplete.isError) return <LoadError error={incomplete.error} />;
  if (all.data === 0) return null;
  return (
    <section aria-labelledby="deelname-vandaag" className="koers-section">
      <Heading level={2} id="deelname-vandaag">
        Deelname en MAP
      </Heading>
      <ul className="koers-summary-list">
        <li>
          <RouterLink to="/deelname">{plural(all.data, 'inburgeraar heeft', 'inburgeraars hebben')} participatie of de MAP</RouterLink>: registreer hun activiteiten en uren.
        </li>
        <li>
          {incomplete.data === 0 ? (
            'Elk portfolio met een MAP- of participatiedeel is compleet.'
          ) : (
            <>
              <RouterLink to="/deelname?portfolio=incomplete">{plural(incomplete.data, 'portfolio is', "portfolio's zijn")} nog niet compleet</RouterLink>: vul ze aan voor het eindgesprek.
            </>
          )}
        </li>
      </ul>
    </section>
  );
}
