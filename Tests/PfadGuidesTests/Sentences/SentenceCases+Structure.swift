extension SentenceCase {
    /// Colons, list items, headings, line breaks and blank lines.
    static let structure: [SentenceCase] = [
        SentenceCase(
            "Wir brauchen drei Dinge:\n- Sensoren\n- Gateways\n- eine Plattform",
            ["Wir brauchen drei Dinge:", "- Sensoren", "- Gateways", "- eine Plattform"]),
        SentenceCase(
            "Die Schritte sind:\n1. Bedarf klären\n2. Partner finden\n3. Förderung beantragen",
            ["Die Schritte sind:", "1. Bedarf klären", "2. Partner finden", "3. Förderung beantragen"]),
        SentenceCase(whole: "Wichtig ist: Die Daten bleiben in der Kommune."),
        SentenceCase(
            "Hinweis: Die Frist endet bald. Bitte rechtzeitig einreichen.",
            ["Hinweis: Die Frist endet bald.", "Bitte rechtzeitig einreichen."]),
        SentenceCase("Beteiligt sind:\n* Olpe\n* Menden", ["Beteiligt sind:", "* Olpe", "* Menden"]),
        SentenceCase("Ablauf:\n1) Anmeldung\n2) Workshop", ["Ablauf:", "1) Anmeldung", "2) Workshop"]),
        SentenceCase(whole: "Zwei Punkte sind offen: erstens die Wartung, zweitens die Finanzierung."),
        SentenceCase(
            "Das Ziel ist klar: weniger Verkehr. Mehr Lebensqualität.",
            ["Das Ziel ist klar: weniger Verkehr.", "Mehr Lebensqualität."]),
        SentenceCase(
            "Folgende Daten werden erhoben:\n- Temperatur (°C)\n- Luftfeuchte in %.\n- Lärm",
            ["Folgende Daten werden erhoben:", "- Temperatur (°C)", "- Luftfeuchte in %.", "- Lärm"]),
        SentenceCase(
            "- Sensoren werden montiert. Danach folgt der Test.\n- Die Plattform geht online.",
            ["- Sensoren werden montiert.", "Danach folgt der Test.", "- Die Plattform geht online."]),
        SentenceCase("1. Antrag stellen\n2. Bescheid abwarten", ["1. Antrag stellen", "2. Bescheid abwarten"]),
        SentenceCase("Stand:\n\nDie Daten sind aktuell.", ["Stand:", "Die Daten sind aktuell."]),
        SentenceCase("+ Olpe\n+ Soest", ["+ Olpe", "+ Soest"]),
        SentenceCase("Partner:\n• Olpe\n• Arnsberg", ["Partner:", "• Olpe", "• Arnsberg"]),
        SentenceCase(
            "# Ausgangslage\nDie Stadt hat 2022 begonnen.",
            ["# Ausgangslage", "Die Stadt hat 2022 begonnen."]),
        SentenceCase(
            "## Was ist LoRaWAN?\nEin Funkstandard für Sensoren.",
            ["## Was ist LoRaWAN?", "Ein Funkstandard für Sensoren."]),
        SentenceCase(
            "Einleitung folgt.\n### Ziele\nWeniger Emissionen",
            ["Einleitung folgt.", "### Ziele", "Weniger Emissionen"]),
        SentenceCase("#Hashtag ist kein Titel. Das stimmt.", ["#Hashtag ist kein Titel.", "Das stimmt."]),
        SentenceCase(whole: "Im Absatz steht eine Raute # mitten im Satz."),
        SentenceCase(whole: "Die Stadt plant neue\nSensoren am Bahnhof."),
        SentenceCase(
            "Der erste Satz endet hier.\nDer zweite beginnt auf der neuen Zeile.",
            ["Der erste Satz endet hier.", "Der zweite beginnt auf der neuen Zeile."]),
        SentenceCase("Erster Absatz ohne Punkt\n\nZweiter Absatz", ["Erster Absatz ohne Punkt", "Zweiter Absatz"]),
        SentenceCase("  Eingerückter Text. Mit zwei Sätzen.  ", ["Eingerückter Text.", "Mit zwei Sätzen."]),
        SentenceCase("", []),
        SentenceCase(whole: "Ein Satz ohne Punkt"),
        SentenceCase(whole: "Nur ein Satz."),
        SentenceCase(whole: "Die Werte lagen zwischen 3 - 5 Grad."),
        SentenceCase(whole: "Gemessen wird:\n-5 Grad am Morgen"),
    ]

    /// Markdown markup inside a paragraph.
    static let markup: [SentenceCase] = [
        SentenceCase(
            "**Wichtig:** Die Frist endet am 30. Juni. Danach verfällt die Förderung.",
            ["**Wichtig:** Die Frist endet am 30. Juni.", "Danach verfällt die Förderung."]),
        SentenceCase("Das ist *wirklich* wichtig. Bitte beachten.", ["Das ist *wirklich* wichtig.", "Bitte beachten."]),
        SentenceCase(
            "**Das Netz steht.** Jetzt folgen die Tests.",
            ["**Das Netz steht.**", "Jetzt folgen die Tests."]),
        SentenceCase(
            "Der Befehl `pfad log` zeigt die Historie. Er ist schnell.",
            ["Der Befehl `pfad log` zeigt die Historie.", "Er ist schnell."]),
        SentenceCase("Das ist ~~falsch~~ richtig. Danke.", ["Das ist ~~falsch~~ richtig.", "Danke."]),
        SentenceCase("Siehe _Anhang B_. Dort stehen die Details.", ["Siehe _Anhang B_.", "Dort stehen die Details."]),
        SentenceCase(
            "Das Projekt heißt *Smarte Dörfer*. Es startet im Mai.",
            ["Das Projekt heißt *Smarte Dörfer*.", "Es startet im Mai."]),
        SentenceCase(
            "Die Daten sind offen. *Ausnahme:* personenbezogene Werte.",
            ["Die Daten sind offen.", "*Ausnahme:* personenbezogene Werte."]),
        SentenceCase(
            "Die Stadt Menden (Sauerland) ist dabei. Ebenso Arnsberg.",
            ["Die Stadt Menden (Sauerland) ist dabei.", "Ebenso Arnsberg."]),
        SentenceCase(
            "Das Kürzel NRW steht für Nordrhein-Westfalen. Das Land fördert das Programm.",
            ["Das Kürzel NRW steht für Nordrhein-Westfalen.", "Das Land fördert das Programm."]),
        SentenceCase(
            "Der Ausbau ist fertig.\u{A0}Die Messung beginnt.",
            ["Der Ausbau ist fertig.", "Die Messung beginnt."]),
        SentenceCase(
            "Der Ausbau ist fertig.  Zwei Leerzeichen stören nicht.",
            ["Der Ausbau ist fertig.", "Zwei Leerzeichen stören nicht."]),
        SentenceCase(whole: "Ein Satz ohne Leerzeichen.Danach geht es weiter."),
        SentenceCase(
            "Die Ämter arbeiten digital. Öffentliche Daten sind frei.",
            ["Die Ämter arbeiten digital.", "Öffentliche Daten sind frei."]),
    ]

    /// Every hand-written case.
    static let all: [SentenceCase] =
        abbreviations + numbers + addresses + quotes + ellipses + marks + structure + markup
}
