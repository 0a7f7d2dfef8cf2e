extension SentenceCase {
    /// Abbreviations, multi-part abbreviations and initials.
    static let abbreviations: [SentenceCase] = [
        SentenceCase(
            "Die Stadt testet z. B. smarte Mülleimer. Die Ergebnisse folgen im Herbst.",
            ["Die Stadt testet z. B. smarte Mülleimer.", "Die Ergebnisse folgen im Herbst."]),
        SentenceCase(whole: "Viele Kommunen, z. B. Olpe und Menden, nutzen offene Daten."),
        SentenceCase(whole: "Die Sensoren messen z.B. Feinstaub und Lärm."),
        SentenceCase(
            "Z. B. Arnsberg hat ein eigenes Datenportal. Andere folgen.",
            ["Z. B. Arnsberg hat ein eigenes Datenportal.", "Andere folgen."]),
        SentenceCase(whole: "Das Portal ist offen, d. h. Bürgerinnen und Bürger können Daten abrufen."),
        SentenceCase(whole: "Beteiligt sind u. a. Olpe, Soest und Bad Berleburg."),
        SentenceCase(whole: "Wir nutzen LoRaWAN bzw. NB-IoT für die Pegelmessung."),
        SentenceCase(
            "Die Stadt prüft ggf. eine Erweiterung. Danach entscheidet der Rat.",
            ["Die Stadt prüft ggf. eine Erweiterung.", "Danach entscheidet der Rat."]),
        SentenceCase(whole: "Die Förderung richtet sich nach Nr. 4 der Richtlinie."),
        SentenceCase(whole: "Nach Art. 5 DSGVO gilt der Grundsatz der Datenminimierung."),
        SentenceCase(
            "Gemäß Art. 6 Abs. 1 DSGVO ist die Verarbeitung zulässig. Eine Einwilligung ist nicht nötig.",
            ["Gemäß Art. 6 Abs. 1 DSGVO ist die Verarbeitung zulässig.", "Eine Einwilligung ist nicht nötig."]),
        SentenceCase(
            "Das ist eine ganz neue Art. Sie spart Energie.",
            ["Das ist eine ganz neue Art.", "Sie spart Energie."]),
        SentenceCase(whole: "Die Tabelle steht auf S. 14 des Berichts."),
        SentenceCase(
            "Der Ausbau kostet ca. 250.000 Euro. Das Land trägt 80 Prozent.",
            ["Der Ausbau kostet ca. 250.000 Euro.", "Das Land trägt 80 Prozent."]),
        SentenceCase(whole: "Dr. Anna Beispiel leitet das Projektteam."),
        SentenceCase(
            "Prof. Dr. Jonas Muster berät die Kommunen. Er kommt aus Siegen.",
            ["Prof. Dr. Jonas Muster berät die Kommunen.", "Er kommt aus Siegen."]),
        SentenceCase(whole: "Der Verein Digitales Dorf e. V. betreut die Werkstatt."),
        SentenceCase(
            "Träger ist der Förderverein Smart Region e. V. Er wurde 2021 gegründet.",
            ["Träger ist der Förderverein Smart Region e. V.", "Er wurde 2021 gegründet."]),
        SentenceCase(whole: "Die Daten werden i. d. R. einmal pro Stunde übertragen."),
        SentenceCase(whole: "Die Daten werden i. d. R. Montags übertragen."),
        SentenceCase(whole: "Parkplätze, Ladesäulen, Radwege usw. sind erfasst."),
        SentenceCase(
            "Erfasst sind Parkplätze, Ladesäulen, Radwege usw. Die Karte wird monatlich aktualisiert.",
            ["Erfasst sind Parkplätze, Ladesäulen, Radwege usw.", "Die Karte wird monatlich aktualisiert."]),
        SentenceCase(whole: "Vgl. Kapitel 3 des Leitfadens."),
        SentenceCase(whole: "Die Hardware (Sensoren, Gateways etc.) stellt der Kreis."),
        SentenceCase(
            "Es geht um Sensoren, Gateways, Server etc. Die Kosten trägt der Kreis.",
            ["Es geht um Sensoren, Gateways, Server etc.", "Die Kosten trägt der Kreis."]),
        SentenceCase(whole: "Die Anlage liegt in der Hauptstr. 12 in Olpe."),
        SentenceCase(whole: "Das Bürgerbüro öffnet Mi. Nachmittag zusätzlich."),
        SentenceCase(
            "Die Investition liegt bei 1,2 Mio. Euro. Davon trägt der Bund die Hälfte.",
            ["Die Investition liegt bei 1,2 Mio. Euro.", "Davon trägt der Bund die Hälfte."]),
        SentenceCase(whole: "Das Konzept stammt von Dipl.-Ing. Karl Beispiel."),
        SentenceCase(whole: "Die Messstation steht an der B 55 bzw. an der L 512."),
        SentenceCase(whole: "Siehe Abb. 3 und Tab. 2 im Anhang."),
        SentenceCase(
            "Der Preis gilt inkl. Wartung. Die Mehrwertsteuer kommt hinzu.",
            ["Der Preis gilt inkl. Wartung.", "Die Mehrwertsteuer kommt hinzu."]),
        SentenceCase(whole: "Die sog. Datenräume verbinden mehrere Kommunen."),
        SentenceCase(whole: "Die Plattform soll bspw. Baustellen und Sperrungen zeigen."),
        SentenceCase(whole: "Es gibt max. zehn Plätze pro Workshop."),
        SentenceCase(
            "Die Antwort kam evtl. Anfang Mai. Wir warten noch.",
            ["Die Antwort kam evtl. Anfang Mai.", "Wir warten noch."]),
        SentenceCase(whole: "Er wurde in o. g. Sitzung gewählt."),
        SentenceCase(whole: "Die Zuständigkeit liegt i. V. m. der Satzung beim Kreis."),
        SentenceCase(
            "Gezählt werden Radwege, Gehwege u. v. m. Alles steht im Kataster.",
            ["Gezählt werden Radwege, Gehwege u. v. m.", "Alles steht im Kataster."]),
        SentenceCase(whole: "Das Projekt wird u. U. verlängert."),
        SentenceCase(whole: "Frau M. Schulte koordiniert die Beteiligung."),
        SentenceCase(whole: "Anna M. Schulte und Jonas K. Weber leiten das Projekt."),
        SentenceCase(whole: "Die Stadtwerke Olpe GmbH & Co. KG betreiben das Netz."),
        SentenceCase(whole: "Die Stelle ist im Fachbereich 3, Abt. Digitales angesiedelt."),
        SentenceCase(whole: "Rufen Sie uns an: Tel. 02761 123456."),
        SentenceCase(whole: "Das Gutachten (s. Anhang) liegt vor."),
        SentenceCase(
            "Das Kap. Datenschutz ist neu. Bitte lesen Sie es zuerst.",
            ["Das Kap. Datenschutz ist neu.", "Bitte lesen Sie es zuerst."]),
        SentenceCase(whole: "Die Stadt plant z.\u{A0}B. Sensoren an Brücken."),
        SentenceCase(
            "Wir planen für 2025 ff. Weitere Mittel sind beantragt.",
            ["Wir planen für 2025 ff.", "Weitere Mittel sind beantragt."]),
        SentenceCase(whole: "Die Regeln stehen auf S. 14 f. im Anhang."),
        SentenceCase(
            "Die Fahrt dauert 10 Min. Danach geht es weiter.",
            ["Die Fahrt dauert 10 Min.", "Danach geht es weiter."]),
        SentenceCase(whole: "Es gibt zwei Varianten: A. Neubau oder B. Sanierung."),
        SentenceCase(whole: "Die Kosten für Wartung o. Ä. sind enthalten."),
        SentenceCase(whole: "Bitte wenden Sie sich an Hrn. Beispiel im Rathaus."),
        SentenceCase(whole: "Die Ergebnisse werden ggf. Anfang Juni vorgestellt."),
    ]
}
