import { Fieldset, FieldsetLegend, Paragraph } from '@utrecht/component-library-react';
import { useReferralOptions } from '../api/queries';
import { SelectField } from './fields';
import { LoadError, Loading } from './QueryStatus';

interface ReferralFieldsProps {
  providerId: string;
  productCode: string;
  errors: { providerId?: string | undefined; productCode?: string | undefined };
  onChange: (patch: { providerId?: string; productCode?: string }) => void;
  onBlur: (name: 'providerId' | 'productCode') => void;
}

/**
 * Aanbieder and perceel (R-REF-1). The perceel list narrows to what the chosen aanbieder is contracted
 * for; the server still refuses a referral outside the contract.
 */
export function ReferralFields({ providerId, productCode, errors, onChange, onBlur }: ReferralFieldsProps) {
  const options = useReferralOptions();

  let body;
  if (options.isPending) body = <Loading what="Aanbieders en percelen" />;
  else if (options.isError) body = <LoadError error={options.error} />;
  else {
    const { providers, products, unavailable } = options.data;
    const provider = providers.find((p) => p.id === providerId);
    const offered = provider ? products.filter((product) => provider.productCodes.includes(product.code)) : products;

    const chooseProvider = (id: string) => {
      const chosen = providers.find((p) => p.id === id);
      const keepProduct = !chosen || productCode === '' || chosen.productCodes.includes(productCode);
      onChange(keepProduct ? { providerId: id } : { providerId: id, productCode: '' });
    };

    body = (
      <>
        <SelectField
          name="providerId"
          label="Aanbieder"
          options={providers.map((p) => [p.id, p.name] as const)}
          value={providerId}
          error={errors.providerId}
          onChange={(event) => chooseProvider(event.target.value)}
          onBlur={() => onBlur('providerId')}
        />
        <SelectField
          name="productCode"
          label="Perceel"
          description={
            provider
              ? `U ziet de percelen waarvoor ${provider.name} is gecontracteerd.`
              : 'Kiest u eerst een aanbieder, dan ziet u alleen de percelen van die aanbieder.'
          }
          options={offered.map((p) => [p.code, p.name] as const)}
          value={productCode}
          error={errors.productCode}
          onChange={(event) => onChange({ productCode: event.target.value })}
          onBlur={() => onBlur('productCode')}
        />
        {providers.length === 0 && <Paragraph>Er zijn geen gecontracteerde aanbieders gevonden.</Paragraph>}
        {/* R-QLT-3 (003 art. 4.4, 15): an excluded provider is not offered; the consultant reads why it is missing. */}
        {unavailable.map((u) => (
          <Paragraph key={u.id}>
            Niet te kiezen: {u.name}. {u.reason}
          </Paragraph>
        ))}
      </>
    );
  }

  return (
    <Fieldset>
      <FieldsetLegend>Aanmelding bij aanbieder</FieldsetLegend>
      {body}
    </Fieldset>
  );
}
