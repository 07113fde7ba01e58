import { Fieldset, FieldsetLegend } from '@utrecht/component-library-react';
import { SelectField, TextField } from '../../components/fields';
import { YesNoField } from '../../components/YesNoField';
import { genderOptions, routeOptions } from '../../lib/labels';
import type { useForm } from '../../lib/useForm';
import type { NewReferralField } from './participantForm';

export type NewReferralForm = ReturnType<typeof useForm<NewReferralField>>;

/** R-PAR-1: what the referral carries about the participant. */
export function ParticipantFields({ form }: { form: NewReferralForm }) {
  const { bind } = form;
  return (
    <>
      <Fieldset>
        <FieldsetLegend>Persoonsgegevens</FieldsetLegend>
        <TextField
          {...bind('bsn')}
          label="BSN"
          description="9 cijfers. Het BSN wordt gecontroleerd met de elfproef."
          inputMode="numeric"
          autoComplete="off"
          maxLength={11}
          size={12}
        />
        <TextField {...bind('givenName')} label="Voornaam" autoComplete="off" />
        <TextField {...bind('familyName')} label="Achternaam" autoComplete="off" />
        <TextField {...bind('dateOfBirth')} label="Geboortedatum" type="date" />
        <SelectField {...bind('gender')} label="Geslacht" options={genderOptions} />
      </Fieldset>

      <Fieldset>
        <FieldsetLegend>Contact en adres</FieldsetLegend>
        <TextField {...bind('email')} label="E-mailadres" type="email" optional autoComplete="off" />
        <TextField {...bind('phone')} label="Telefoonnummer" type="tel" optional autoComplete="off" />
        <TextField {...bind('street')} label="Straat" optional autoComplete="off" />
        <TextField {...bind('houseNumber')} label="Huisnummer" description="Met toevoeging, bijvoorbeeld 12a." optional size={8} />
        <TextField
          {...bind('postcode')}
          label="Postcode"
          description="Bijvoorbeeld 1621 AB."
          optional
          autoComplete="postal-code"
          size={8}
        />
        <TextField {...bind('city')} label="Woonplaats" optional autoComplete="off" />
      </Fieldset>

      <Fieldset>
        <FieldsetLegend>Achtergrond</FieldsetLegend>
        <TextField {...bind('countryOfBirth')} label="Geboorteland" optional />
        <TextField {...bind('motherTongue')} label="Moedertaal" optional />
        <TextField {...bind('inNetherlandsSince')} label="In Nederland sinds" type="date" optional />
      </Fieldset>

      <Fieldset>
        <FieldsetLegend>Inburgering</FieldsetLegend>
        <SelectField {...bind('route')} label="Leerroute" options={routeOptions} />
        <TextField {...bind('clientNumber')} label="Klantnummer gemeente" optional />
        <TextField {...bind('dutyStartDate')} label="Start inburgeringsplicht" type="date" optional />
        <TextField {...bind('dutyEndDate')} label="Einde inburgeringsplicht" type="date" optional />
      </Fieldset>

      <Fieldset>
        <FieldsetLegend>Belemmeringen</FieldsetLegend>
        <YesNoField
          name="impedingHealth"
          legend="Belemmeringen op het gebied van gezondheid"
          value={form.values.impedingHealth}
          error={form.errors.impedingHealth}
          onChange={(value) => form.setValue('impedingHealth', value)}
        />
        <YesNoField
          name="impedingJustice"
          legend="Belemmeringen op het gebied van justitie"
          value={form.values.impedingJustice}
          error={form.errors.impedingJustice}
          onChange={(value) => form.setValue('impedingJustice', value)}
        />
        <YesNoField
          name="impedingFinances"
          legend="Belemmeringen op het gebied van financiën"
          value={form.values.impedingFinances}
          error={form.errors.impedingFinances}
          onChange={(value) => form.setValue('impedingFinances', value)}
        />
      </Fieldset>
    </>
  );
}
