// Values, validation and payload of the "Nieuwe aanmelding" form. Messages are Dutch and say what to do.
import type { Gender, NewParticipant, Route } from '../../api/types';
import { bsnProblem, normaliseBsn } from '../../lib/bsn';
import { isValidIsoDate } from '../../lib/dates';
import { genderLabels, routeLabels } from '../../lib/labels';

export const participantFields = [
  'bsn',
  'givenName',
  'familyName',
  'dateOfBirth',
  'gender',
  'email',
  'phone',
  'street',
  'houseNumber',
  'postcode',
  'city',
  'countryOfBirth',
  'motherTongue',
  'inNetherlandsSince',
  'route',
  'clientNumber',
  'dutyStartDate',
  'dutyEndDate',
  'impedingHealth',
  'impedingJustice',
  'impedingFinances',
] as const;

export const referralFields = ['providerId', 'productCode'] as const;

export const newReferralFields = [...participantFields, ...referralFields] as const;

export type ParticipantField = (typeof participantFields)[number];
export type ReferralField = (typeof referralFields)[number];
export type NewReferralField = (typeof newReferralFields)[number];
export type NewReferralValues = Record<NewReferralField, string>;

export const emptyNewReferral = Object.fromEntries(newReferralFields.map((name) => [name, ''])) as NewReferralValues;

const requiredMessages: Partial<Record<NewReferralField, string>> = {
  givenName: 'Vul de voornaam in.',
  familyName: 'Vul de achternaam in.',
  dateOfBirth: 'Vul de geboortedatum in.',
  gender: 'Kies het geslacht.',
  route: 'Kies de leerroute.',
  impedingHealth: 'Kies ja of nee bij belemmeringen op het gebied van gezondheid.',
  impedingJustice: 'Kies ja of nee bij belemmeringen op het gebied van justitie.',
  impedingFinances: 'Kies ja of nee bij belemmeringen op het gebied van financiën.',
  providerId: 'Kies een aanbieder.',
  productCode: 'Kies een perceel.',
};

const POSTCODE = /^[1-9]\d{3}\s?[a-zA-Z]{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s()-]{8,20}$/;

function dateProblem(value: string, today: string | undefined, what: string, allowFuture: boolean): string | undefined {
  if (!isValidIsoDate(value)) return `Vul een geldige ${what} in, bijvoorbeeld 17-05-1990.`;
  if (!allowFuture && today && value > today) return `De ${what} kan niet in de toekomst liggen.`;
  return undefined;
}

type Check = (value: string, values: NewReferralValues, today: string | undefined) => string | undefined;

/** Format checks for fields that have a value; fields without an entry only need to be filled (or not). */
const checks: Partial<Record<NewReferralField, Check>> = {
  dateOfBirth: (value, _values, today) => dateProblem(value, today, 'geboortedatum', false),
  inNetherlandsSince: (value, _values, today) => dateProblem(value, today, 'datum', false),
  dutyStartDate: (value, _values, today) => dateProblem(value, today, 'startdatum', true),
  dutyEndDate: (value, values, today) => {
    const problem = dateProblem(value, today, 'einddatum', true);
    if (problem) return problem;
    const start = values.dutyStartDate.trim();
    return isValidIsoDate(start) && value < start ? 'De einddatum moet na de startdatum liggen.' : undefined;
  },
  email: (value) =>
    EMAIL.test(value) ? undefined : 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.',
  phone: (value) => (PHONE.test(value) ? undefined : 'Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678.'),
  postcode: (value) => (POSTCODE.test(value) ? undefined : 'Vul een geldige postcode in, bijvoorbeeld 1621 AB.'),
  gender: (value) => (value in genderLabels ? undefined : requiredMessages.gender),
  route: (value) => (value in routeLabels ? undefined : requiredMessages.route),
};

/** The problem with one field, or undefined. `today` is the system's date from /api/v1/today. */
export function validateReferralField(
  name: NewReferralField,
  values: NewReferralValues,
  today: string | undefined,
): string | undefined {
  const value = values[name].trim();
  if (name === 'bsn') return bsnProblem(value);
  if (value === '') return requiredMessages[name];
  return checks[name]?.(value, values, today);
}

function optional(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function normalisePostcode(value: string): string | undefined {
  const compact = value.replace(/\s/g, '').toUpperCase();
  return compact === '' ? undefined : `${compact.slice(0, 4)} ${compact.slice(4)}`;
}

export function toNewParticipant(values: NewReferralValues): NewParticipant {
  return {
    bsn: normaliseBsn(values.bsn),
    givenName: values.givenName.trim(),
    familyName: values.familyName.trim(),
    dateOfBirth: values.dateOfBirth,
    gender: values.gender as Gender,
    email: optional(values.email),
    phone: optional(values.phone),
    street: optional(values.street),
    houseNumber: optional(values.houseNumber),
    postcode: normalisePostcode(values.postcode),
    city: optional(values.city),
    countryOfBirth: optional(values.countryOfBirth),
    motherTongue: optional(values.motherTongue),
    inNetherlandsSince: optional(values.inNetherlandsSince),
    route: values.route as Route,
    clientNumber: optional(values.clientNumber),
    dutyStartDate: optional(values.dutyStartDate),
    dutyEndDate: optional(values.dutyEndDate),
    impedingHealth: values.impedingHealth === 'ja',
    impedingJustice: values.impedingJustice === 'ja',
    impedingFinances: values.impedingFinances === 'ja',
    referral: { providerId: values.providerId, productCode: values.productCode },
  };
}

/** Radio groups are reached through their first option. */
export function summaryTarget(name: string): string {
  const id = `veld-${name}`;
  return name.startsWith('impeding') ? `${id}-ja` : id;
}
