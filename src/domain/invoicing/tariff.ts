// R-CON-5: the tariff version of a product in force on a date, and R-INV-3: the staffel price for a
// cohort size. A count the table does not cover is returned as such, for a decision — never guessed.
import type { IsoDate } from '../iso-date.js';
import type { Staffel, StaffelBand, StaffelTable, Tariff, Vat } from './contract-data.js';

/** The tariff version of `product` in force on `date`; undefined when none is (the schema forbids two). */
export function tariffInForce(tariffs: readonly Tariff[], product: string, date: IsoDate): Tariff | undefined {
  return tariffs.find((t) => t.product === product && t.validFrom <= date && (t.validTo === undefined || date <= t.validTo));
}

export type StaffelPrice =
  | { kind: 'band'; table: string; band: StaffelBand; amountCents: number }
  /** 002 §2.2: too few for a group in the start year: one schedule item paid as if for `asCount` at the highest price. */
  | { kind: 'minimumGroup'; table: string; scheduleItem: string; asCount: number; priceCents: number }
  | { kind: 'notCovered'; table: string; count: number; reason: string };

/** The table for a cohort year: the one naming the year, else the one naming none. */
export function staffelTableFor(staffel: Staffel, year: number): StaffelTable | undefined {
  return staffel.tables.find((t) => t.years?.includes(year)) ?? staffel.tables.find((t) => t.years === undefined);
}

/** R-INV-3: the price per participant for `count` participants (over the table's intake moments) in `year`. */
export function staffelPrice(staffel: Staffel, year: number, count: number): StaffelPrice {
  const table = staffelTableFor(staffel, year);
  if (table === undefined) return { kind: 'notCovered', table: '', count, reason: `no staffel table for ${year}` };
  const band = table.bands.find((b) => b.min <= count && (b.max === undefined || count <= b.max));
  if (band !== undefined) return { kind: 'band', table: table.code, band, amountCents: band.amountCents };
  const mg = table.minimumGroup;
  if (mg !== undefined && count < mg.below) {
    const highest = Math.max(...table.bands.map((b) => b.amountCents));
    return { kind: 'minimumGroup', table: table.code, scheduleItem: mg.scheduleItem, asCount: mg.asCount, priceCents: highest };
  }
  return { kind: 'notCovered', table: table.code, count, reason: `${count} participants lie outside every band of table "${table.code}"` };
}

export type RoutePrice =
  | { kind: 'price'; amountCents: number; vat: Vat; tariff: Tariff; staffel?: StaffelPrice }
  | { kind: 'noTariff'; product: string; date: IsoDate }
  /** The staffel does not give a price (a count outside its tables, or the minimum-group case): decide first. */
  | { kind: 'decisionNeeded'; tariff: Tariff; staffel: StaffelPrice };

/**
 * The price of a route product that starts on `date` (R-CON-5): the tariff in force then, replaced by the
 * staffel price for the cohort when the product has a staffel and the cohort is known (R-INV-3). The VAT
 * treatment is always the tariff's.
 */
export function routePrice(
  data: { tariffs?: readonly Tariff[] | undefined; staffels?: readonly Staffel[] | undefined },
  product: string,
  date: IsoDate,
  cohort?: { year: number; count: number },
): RoutePrice {
  const tariff = tariffInForce(data.tariffs ?? [], product, date);
  if (tariff === undefined) return { kind: 'noTariff', product, date };
  const staffel = data.staffels?.find((s) => s.product === product);
  if (staffel === undefined || cohort === undefined) return { kind: 'price', amountCents: tariff.amountCents, vat: tariff.vat, tariff };
  const sp = staffelPrice(staffel, cohort.year, cohort.count);
  if (sp.kind !== 'band') return { kind: 'decisionNeeded', tariff, staffel: sp };
  return { kind: 'price', amountCents: sp.amountCents, vat: tariff.vat, tariff, staffel: sp };
}
