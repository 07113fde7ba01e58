import type { ReactNode } from 'react';
import { DataList, DataListItem, DataListKey, DataListValue, Heading } from '@utrecht/component-library-react';
import type { ParticipantDetail } from '../../api/types';
import { formatDate } from '../../lib/dates';
import { genderLabels, routeLabel, yesNo } from '../../lib/labels';

function Item({ label, value }: { label: string; value: ReactNode }) {
  const empty = value === null || value === undefined || value === '';
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{empty ? <span className="koers-empty">niet ingevuld</span> : value}</DataListValue>
    </DataListItem>
  );
}

export function PersonalData({ participant: p }: { participant: ParticipantDetail }) {
  const address = [p.street, p.houseNumber].filter(Boolean).join(' ');
  return (
    <>
      <section aria-labelledby="persoonsgegevens" className="koers-section">
        <Heading level={2} id="persoonsgegevens">
          Persoonsgegevens
        </Heading>
        <DataList>
          <Item label="BSN" value={p.bsnMasked} />
          <Item label="Voornaam" value={p.givenName} />
          <Item label="Achternaam" value={p.familyName} />
          <Item label="Geboortedatum" value={formatDate(p.dateOfBirth)} />
          <Item label="Geslacht" value={genderLabels[p.gender]} />
          <Item label="E-mailadres" value={p.email} />
          <Item label="Telefoonnummer" value={p.phone} />
          <Item label="Adres" value={address} />
          <Item label="Postcode" value={p.postcode} />
          <Item label="Woonplaats" value={p.city} />
          <Item label="Geboorteland" value={p.countryOfBirth} />
          <Item label="Moedertaal" value={p.motherTongue} />
          <Item label="In Nederland sinds" value={formatDate(p.inNetherlandsSince)} />
        </DataList>
      </section>
      <section aria-labelledby="inburgering" className="koers-section">
        <Heading level={2} id="inburgering">
          Inburgering
        </Heading>
        <DataList>
          <Item label="Gemeente" value={p.municipality.name} />
          <Item label="Klantnummer gemeente" value={p.clientNumber} />
          <Item label="Leerroute" value={routeLabel(p.route)} />
          <Item label="Start inburgeringsplicht" value={formatDate(p.dutyStartDate)} />
          <Item label="Einde inburgeringsplicht" value={formatDate(p.dutyEndDate)} />
          <Item label="Belemmeringen gezondheid" value={yesNo(p.impedingHealth)} />
          <Item label="Belemmeringen justitie" value={yesNo(p.impedingJustice)} />
          <Item label="Belemmeringen financiën" value={yesNo(p.impedingFinances)} />
        </DataList>
      </section>
    </>
  );
}
