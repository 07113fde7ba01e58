// R-PRT-1 (001 Bijlage 1 guideline 5): the links of the "whom to call" block.

/** The `tel:` address of a phone number as the contract writes it: its digits and a leading +, no spaces (RFC 3966). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}

export function mailtoHref(email: string): string {
  return `mailto:${email}`;
}
