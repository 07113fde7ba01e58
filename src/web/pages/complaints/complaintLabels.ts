// The complaints register's Dutch words (issue #14, R-CM-3), shared by its pages.
import type { ComplaintOutcome } from '../../api/complaints';

export const OUTCOME: Record<ComplaintOutcome, string> = { upheld: 'Gegrond', partlyUpheld: 'Deels gegrond', notUpheld: 'Ongegrond', withdrawn: 'Ingetrokken', resolved: 'Opgelost' };
export const OUTCOME_OPTIONS = Object.entries(OUTCOME) as [ComplaintOutcome, string][];
export const FROM: Record<'participant' | 'organisation', string> = { participant: 'Inburgeraar', organisation: 'Organisatie' };
