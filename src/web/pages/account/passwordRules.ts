// The length rule as the browser can check it before sending; the server decides (src/domain/password-policy.ts,
// which also checks the list of common passwords).
export const MIN_LENGTH = 12;
export const MAX_LENGTH = 128;

export function validateNewPassword(password: string, email: string): string | undefined {
  const length = [...password].length;
  if (length < MIN_LENGTH) return `Kies een wachtwoord van minstens ${MIN_LENGTH} tekens.`;
  if (length > MAX_LENGTH) return `Een wachtwoord is hoogstens ${MAX_LENGTH} tekens.`;
  if (email !== '' && password.toLowerCase() === email.toLowerCase()) return 'Uw wachtwoord mag niet gelijk zijn aan uw e-mailadres.';
  return undefined;
}
