// R-CM-1: the contract manager plans a meeting — type, the quarter it is about, the date and the
// providers taking part — and goes on to its page to prepare the agenda. The contracts and their
// providers are read from the quality register, which lists every provider of the region's contracts.
import { useState } from 'react';
import { Heading } from '@utrecht/component-library-react';
import { useNavigate } from 'react-router-dom';
import { koers, ok } from '../../api/client';
import { useRegister } from '../../api/quality';
import { useSystemDate } from '../../api/queries';
import { SelectField } from '../../components/fields';
import { ApiForm } from './ApiForm';
import { MEETING_TYPES, previousQuarter, quarterCheck } from './contractLabels';

const typeOptions = Object.entries(MEETING_TYPES) as [keyof typeof MEETING_TYPES, string][];

export function NewMeetingForm() {
  const register = useRegister({ page: 1, pageSize: 500 });
  const today = useSystemDate().data?.today ?? '';
  const navigate = useNavigate();
  const rows = register.data?.items ?? [];
  const contracts = [...new Map(rows.map((r) => [r.contractId, r.contractName])).entries()];
  const [contractId, setContractId] = useState('');
  const chosen = contractId || (contracts.length === 1 ? (contracts[0]?.[0] ?? '') : '');
  const providers = rows.filter((r) => r.contractId === chosen).map((r) => [r.providerCode, r.providerName] as const);

  return (
    <section aria-labelledby="overleg-plannen" className="koers-section">
      <Heading level={2} id="overleg-plannen">
        Overleg plannen
      </Heading>
      <SelectField name="overleg-contract" label="Contract" options={contracts} value={chosen} onChange={(event) => setContractId(event.target.value)} />
      {chosen !== '' && (
        <ApiForm
          key={chosen}
          id="overleg"
          label="Overleg plannen"
          fields={[
            { name: 'type', label: 'Soort overleg', kind: 'select', options: typeOptions },
            { name: 'quarter', label: 'Kwartaal', description: 'Het kwartaal waarover het overleg gaat, zoals 2027-Q1. Het contractmanagementgesprek gaat over het vorige kwartaal.', check: quarterCheck },
            { name: 'heldOn', label: 'Datum', kind: 'date' },
            { name: 'providers', label: 'Aanbieders die deelnemen', kind: 'checkboxes', options: providers },
          ]}
          initial={{ type: 'contract', quarter: today === '' ? '' : previousQuarter(today), heldOn: today, providers: '' }}
          submitLabel="Overleg plannen"
          savedMessage="Het overleg is gepland."
          onSubmit={async (v) => {
            const body = { contractId: chosen, type: v.type as keyof typeof MEETING_TYPES, quarter: v.quarter, heldOn: v.heldOn, providers: v.providers.split(',').filter(Boolean), municipalities: [] };
            const created = await ok(koers.POST('/api/v1/contract-meetings', { body }));
            void navigate(`/contract/${encodeURIComponent(created.id)}`);
          }}
        />
      )}
    </section>
  );
}
