import {
  Button,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useDemoAccounts } from '../api/queries';
import { VisuallyHidden } from '../components/VisuallyHidden';

/** In demo mode the server lists its demo accounts; elsewhere it answers 404 and this shows nothing. */
export function DemoAccounts({ onUse }: { onUse: (email: string, password: string) => void }) {
  const demo = useDemoAccounts();
  if (!demo.data) return null;
  const { items, password } = demo.data;

  return (
    <section aria-labelledby="demo-accounts" className="koers-section">
      <Heading level={2} id="demo-accounts">
        Demo-accounts
      </Heading>
      <Paragraph>
        Dit is een demonstratieomgeving. Alle accounts hebben het wachtwoord <code>{password}</code>.
      </Paragraph>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">E-mailadres</TableHeaderCell>
            <TableHeaderCell scope="col">Rol</TableHeaderCell>
            <TableHeaderCell scope="col">Organisatie</TableHeaderCell>
            <TableHeaderCell scope="col">
              <VisuallyHidden>Actie</VisuallyHidden>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((account) => (
            <TableRow key={account.email}>
              <TableCell>{account.email}</TableCell>
              <TableCell>{account.roleLabel}</TableCell>
              <TableCell>{account.organisationName}</TableCell>
              <TableCell>
                <Button appearance="subtle-button" type="button" onClick={() => onUse(account.email, password)}>
                  Vul in<VisuallyHidden> voor {account.email}</VisuallyHidden>
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
