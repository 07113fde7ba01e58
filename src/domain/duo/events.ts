// R-EXC-4: DUO's events by code (duo-m2m/Gebeurtenissen/Gebeurtenissen.md) and its attention signals
// (Attentiesignalen.md, "via attentiesignaal API (SDI008)", an API on DUO's roadmap: Assumption, they come
// to the Notificatie API with their gebeurtenisId like the events), in DUO's own words (shortened where the
// document adds an explanation). Pure: the file's Meldingen van DUO and the work list's row both read it.
export const DUO_EVENTS: Readonly<Record<string, string>> = {
  SS101: 'Persoon is inburgeringsplichtig',
  SS102: 'Inburgeringstermijn gestart',
  SS103: 'Termijn ambtshalve verlengd',
  SS104: 'Termijn op verzoek verlengd',
  SS106: 'Diploma behaald',
  SS107: 'Gehele vrijstelling toegekend',
  SS108: 'Gehele ontheffing toegekend',
  SS109: 'Tijdelijke vrijstelling toegekend',
  SS110: 'Inburgeringsplicht ingetrokken',
  SS111: 'Persoon is overleden',
  SS112: 'Verzoek verlenging ingediend',
  SS113: 'Verzoek verlenging afgewezen',
  SS114: 'Verzoek gehele vrijstelling afgewezen',
  SS115: 'Verzoek tijdelijke vrijstelling afgewezen',
  SS116: 'Verzoek gedeeltelijke vrijstelling afgewezen',
  SS117: 'Verzoek gedeeltelijke vrijstelling toegekend',
  SS118: 'Verzoek ontheffing afgewezen',
  SS119: 'Verzoek gedeeltelijke ontheffing toegekend',
  SS120: 'Inburgeringsplichtige in gemeente gevestigd zonder PIP',
  SS121: 'Inburgeringsplichtige in gemeente gevestigd met PIP vorige gemeente',
  SS124: 'Doelgroep van asielstatushouder naar gezinsmigrant en overige migrant gewijzigd',
  SS125: 'Doelgroep van gezinsmigrant en overige migrant naar asielstatushouder gewijzigd',
  SS128: 'Persoon is inburgeringsplichtig, maar bereikt AOW-leeftijd binnen 6 maanden',
  SS129: 'Tijdelijke vrijstelling ingetrokken, nog geen leerroute bekend',
  SS130: 'Tijdelijke vrijstelling ingetrokken, PIP al bekend',
  SS131: 'Leerbaarheidstoets is afgenomen en resultaat is bekend',
  SS137: 'Persoon is aangemeld voor de leerbaarheidstoets',
  SS139: 'Persoon is inburgeringsplichtig en de termijn van 10 weken voor vaststellen leerroute is gestart',
  SS199: 'Uitslag examen bekend',
  // Attentiesignalen.md.
  SS122: 'Vertrokken naar andere gemeente: moeten er inspanningen en resultaten worden doorgegeven?',
  SS123: 'Vertrokken uit Nederland: moeten er inspanningen en resultaten worden doorgegeven?',
  SS126: 'De termijn van 10 weken is voorbij en er is nog geen leerroute',
  SS127: 'Nog geen inburgeringsaanbod ontvangen',
  SS132: 'Opleidingscontract ontvangen (nog geen PIP)',
  SS133: 'Opleidingscontract ontvangen met taalniveau niet conform de opgegeven leerroute voor inburgering',
  SS135: 'Opleidingscontract ontvangen met te hoog taalniveau conform de PIP (Z-route)',
  SS136: 'Opleidingscontract voor taalschakeltraject ontvangen, geen onderwijsroute',
  SS140: 'Verzoek ontheffing op bijzondere individuele omstandigheden: advies gevraagd',
  SS141: 'Z-route voldaan: de tekst voor het certificaat kan worden gedownload',
  SS142: 'Niet-vrijstellende opleiding beëindigd wegens uitschrijving: neem zo nodig contact op en herzie het PIP',
};

/** The attention signals of Attentiesignalen.md: each asks the municipality to act. */
export const DUO_ATTENTION_SIGNALS: readonly string[] = ['SS122', 'SS123', 'SS126', 'SS127', 'SS132', 'SS133', 'SS135', 'SS136', 'SS140', 'SS141', 'SS142'];

/** The Dutch text of an event or attention signal; an unknown code shows as itself. */
export function duoEventText(code: string): string {
  return DUO_EVENTS[code] ?? `Gebeurtenis ${code}`;
}

/** The event code of a duo.event signal's period (`<gebeurtenisId>:<berichtId>`, src/domain/signal-cause.ts). */
export function eventCodeOfPeriod(period: string): string {
  return period.split(':')[0] ?? period;
}
