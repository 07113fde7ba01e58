-- R-PAR-3 / R-REF-5: the date the PIP was signed. The Onderwijsroute intake is due at most six months
-- after it (002 eis 82); the full PIP history arrives with the DUO exchange (R-EXC-4).
ALTER TABLE participant ADD COLUMN pip_signed_on date;
COMMENT ON COLUMN participant.pip_signed_on IS 'Date the PIP (Plan Inburgering en Participatie) was signed; drives the Onderwijsroute intake limit (R-REF-5).';
