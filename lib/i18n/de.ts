/** All German user-facing text. A new language copies this file and satisfies `Messages`. */
export const de = {
  app: {
    name: 'Lotse',
    tagline: 'Vermittlung regionaler Lieferanten und Partner',
    agency: 'Landesentwicklungsgesellschaft Thüringen',
    skipToContent: 'Zum Inhalt springen',
    footer: 'Lotse – ein Service der Wirtschaftsförderung in Thüringen',
  },
  home: {
    title: 'Ihre Lieferkette ist gerissen? Wir helfen.',
    intro:
      'Fehlt Ihrem Unternehmen Material, Kapazität oder ein Partner, finden unsere Expertinnen und Experten passende Anbieter aus über 4.500 Thüringer Unternehmen und Forschungseinrichtungen. Schildern Sie Ihren Bedarf – wir stellen den Kontakt her, kostenlos.',
    cta: 'Hilfeanfrage stellen',
    statusLink: 'Status einer Anfrage prüfen',
  },
  kinds: { company: 'Unternehmen', research: 'Forschungseinrichtung', other: 'Sonstige Organisation' },
  categories: {
    raw_materials: 'Rohstoffe',
    goods: 'Bauteile / Waren',
    capacity: 'Produktionskapazität',
    services: 'Dienstleistungen',
    cooperation: 'Kooperations- oder F&E-Partner',
    other: 'Sonstiges',
  },
  urgencies: {
    immediately: 'Sofort',
    within_weeks: 'In den nächsten Wochen',
    flexible: 'Flexibel',
  },
  publicStatus: {
    new: 'Eingegangen – Ihre Anfrage wartet auf die erste Sichtung.',
    in_triage: 'In Prüfung – eine Expertin oder ein Experte sieht sich Ihre Anfrage an.',
    searching: 'In Bearbeitung – wir suchen passende Anbieter für Sie.',
    introduced: 'Kontakt vermittelt – wir haben Sie mit möglichen Anbietern bekannt gemacht.',
    waiting_feedback: 'Wir warten auf Rückmeldung zu den vermittelten Kontakten.',
    resolved: 'Abgeschlossen – wir hoffen, wir konnten Ihnen helfen.',
    rejected: 'Abgeschlossen – wir konnten Ihre Anfrage leider nicht bearbeiten.',
    duplicate: 'Zusammengeführt – Ihre Anfrage wird unter einer früheren Anfrage weiter bearbeitet.',
    spam: 'Abgeschlossen – wir konnten Ihre Anfrage leider nicht bearbeiten.',
  },
  request: {
    title: 'Hilfeanfrage stellen',
    intro:
      'Beschreiben Sie, was Ihnen fehlt. Pflichtfelder sind mit * markiert. Sie erhalten sofort eine Vorgangsnummer.',
    sections: {
      organisation: 'Ihre Organisation',
      contact: 'Ansprechperson',
      need: 'Ihr Bedarf',
      consent: 'Datenschutz',
    },
    fields: {
      organisation: 'Name der Organisation',
      kind: 'Art der Organisation',
      contactName: 'Ihr Name',
      email: 'E-Mail-Adresse',
      phone: 'Telefon (optional)',
      postalCode: 'Postleitzahl',
      city: 'Ort',
      category: 'Was wird benötigt?',
      description: 'Beschreibung',
      descriptionHint: 'Was genau, Spezifikation, Menge – je genauer, desto schneller finden wir Anbieter.',
      urgency: 'Dringlichkeit',
      neededBy: 'Benötigt bis (optional)',
      sector: 'Ihre Branche (optional, WZ-2008-Code)',
      sectorHint: 'Zum Beispiel 32.50 für Medizintechnik. Wenn Sie ihn nicht kennen, lassen Sie das Feld leer.',
      consent:
        'Ich willige ein, dass die LEG Thüringen meine Angaben zur Bearbeitung dieser Anfrage speichert und an passende Anbieter weitergibt.',
      honeypot: 'Dieses Feld bitte leer lassen',
    },
    privacyNotice:
      'Wir verwenden Ihre Angaben nur, um Ihre Anfrage zu bearbeiten und Ihnen passende Kontakte zu vermitteln. Abgeschlossene Anfragen werden nach 24 Monaten anonymisiert. Sie können jederzeit Auskunft oder Löschung verlangen.',
    privacyLink: 'Datenschutzerklärung',
    chooseOption: 'Bitte wählen',
    submit: 'Anfrage absenden',
    submitting: 'Wird gesendet …',
    fixErrors: 'Bitte prüfen Sie die markierten Felder.',
    charactersLeft: (n: number) => `noch ${n} Zeichen`,
  },
  received: {
    title: 'Vielen Dank – Ihre Anfrage ist eingegangen',
    referenceLabel: 'Ihre Vorgangsnummer',
    keepReference: 'Bitte notieren Sie diese Nummer. Mit ihr und Ihrer E-Mail-Adresse können Sie jederzeit den Stand abfragen.',
    nextTitle: 'Wie es weitergeht',
    next: [
      'Sie erhalten in Kürze eine Bestätigung per E-Mail.',
      'Eine Expertin oder ein Experte der LEG sichtet Ihre Anfrage, in der Regel innerhalb eines Werktags.',
      'Wir suchen passende Anbieter in unserer Datenbank und stellen den Kontakt her.',
    ],
    statusLink: 'Status abfragen',
    newRequest: 'Weitere Anfrage stellen',
  },
  status: {
    title: 'Status Ihrer Anfrage',
    intro: 'Geben Sie Ihre Vorgangsnummer und die E-Mail-Adresse ein, die Sie bei der Anfrage angegeben haben.',
    reference: 'Vorgangsnummer',
    referenceHint: 'Zum Beispiel LS-2026-00042',
    email: 'E-Mail-Adresse',
    submit: 'Status abfragen',
    notFound:
      'Zu dieser Kombination aus Vorgangsnummer und E-Mail-Adresse haben wir keine Anfrage gefunden. Bitte prüfen Sie Ihre Eingaben.',
    resultTitle: (reference: string) => `Anfrage ${reference}`,
    submittedOn: (date: string) => `Eingegangen am ${date}`,
    lastChange: (date: string) => `Letzte Änderung am ${date}`,
  },
  privacy: {
    title: 'Datenschutz',
    paragraphs: [
      'Verantwortlich für die Verarbeitung Ihrer Daten ist die Landesentwicklungsgesellschaft Thüringen (LEG). Wir verarbeiten die Angaben aus Ihrer Hilfeanfrage, um passende Anbieter zu finden und Kontakte zu vermitteln (Art. 6 Abs. 1 lit. a DSGVO, Ihre Einwilligung).',
      'Ihre Angaben sehen nur die Expertinnen und Experten der LEG. An mögliche Anbieter geben wir sie nur im Rahmen einer Vermittlung weiter. Abgeschlossene Anfragen werden nach 24 Monaten anonymisiert.',
      'Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Widerruf Ihrer Einwilligung. Wenden Sie sich dazu an die LEG Thüringen.',
    ],
    version: (version: string) => `Fassung vom ${version}`,
  },
  errors: {
    required: 'Bitte füllen Sie dieses Feld aus.',
    chooseOne: 'Bitte wählen Sie eine Option.',
    tooShort: (min: number) => `Bitte geben Sie mindestens ${min} Zeichen ein.`,
    tooLong: (max: number) => `Bitte höchstens ${max} Zeichen.`,
    email: 'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@firma.de.',
    phone: 'Bitte geben Sie eine gültige Telefonnummer ein (Ziffern, Leerzeichen, +, -, /, Klammern).',
    postalCode: 'Bitte geben Sie eine fünfstellige Postleitzahl ein.',
    date: 'Bitte geben Sie ein gültiges Datum ein.',
    dateInPast: 'Das Datum liegt in der Vergangenheit.',
    sector: 'Bitte geben Sie einen WZ-2008-Code wie 32.50 ein oder lassen Sie das Feld leer.',
    consent: 'Ohne Ihre Einwilligung können wir die Anfrage nicht bearbeiten.',
    reference: 'Bitte geben Sie die Vorgangsnummer im Format LS-2026-00042 ein.',
    controlCharacters: 'Der Text enthält unzulässige Steuerzeichen.',
    invalidInput: 'Die Eingabe ist ungültig.',
    spamSuspected:
      'Ihre Anfrage konnte nicht angenommen werden. Bitte laden Sie die Seite neu und senden Sie das Formular erneut ab.',
    tooFast:
      'Das ging sehr schnell – bitte prüfen Sie Ihre Angaben noch einmal und senden Sie das Formular dann erneut ab.',
    rateLimited: (minutes: number) =>
      `Zu viele Anfragen von Ihrem Anschluss. Bitte versuchen Sie es in ${minutes} ${minutes === 1 ? 'Minute' : 'Minuten'} erneut.`,
    payloadTooLarge: 'Die Anfrage ist zu groß.',
    invalidJson: 'Der Inhalt ist kein gültiges JSON-Objekt.',
    unexpected:
      'Es ist ein unerwarteter Fehler aufgetreten. Ihre Eingaben sind erhalten – bitte versuchen Sie es gleich noch einmal.',
  },
  mail: {
    confirmationSubject: (reference: string) => `Ihre Anfrage ${reference} ist bei Lotse eingegangen`,
    confirmationBody: (p: { contactName: string; reference: string; statusUrl: string }) =>
      [
        `Guten Tag ${p.contactName},`,
        '',
        `vielen Dank für Ihre Anfrage. Sie ist unter der Vorgangsnummer ${p.reference} bei uns eingegangen.`,
        'Eine Expertin oder ein Experte der LEG Thüringen sichtet sie in der Regel innerhalb eines Werktags.',
        '',
        `Den Stand können Sie jederzeit hier abfragen: ${p.statusUrl}`,
        '',
        'Mit freundlichen Grüßen',
        'Ihr Lotse-Team der LEG Thüringen',
      ].join('\n'),
  },
};

export type Messages = typeof de;
