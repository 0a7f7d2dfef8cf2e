extension SentenceCase {
    /// Ordinals, dates, amounts, versions and times.
    static let numbers: [SentenceCase] = [
        SentenceCase(whole: "Der Workshop findet am 1. Januar 2024 statt."),
        SentenceCase(
            "Die Sitzung ist am 3. Oktober. Alle sind eingeladen.",
            ["Die Sitzung ist am 3. Oktober.", "Alle sind eingeladen."]),
        SentenceCase(whole: "Die 3. Auflage des Leitfadens erscheint im Frühjahr."),
        SentenceCase(whole: "Im 20. Jh. war Olpe ein Industriestandort."),
        SentenceCase(
            "Die Stadt wuchs stark im 19. Jh. Heute leben hier 25.000 Menschen.",
            ["Die Stadt wuchs stark im 19. Jh.", "Heute leben hier 25.000 Menschen."]),
        SentenceCase(whole: "Bis zum 31. Dezember müssen die Anträge vorliegen."),
        SentenceCase(
            "Die Frist endet am 15.3.2024. Danach ist keine Einreichung mehr möglich.",
            ["Die Frist endet am 15.3.2024.", "Danach ist keine Einreichung mehr möglich."]),
        SentenceCase(whole: "Am 3.5.2024 startete das Pilotprojekt."),
        SentenceCase(
            "Das Netz umfasst 1.000 Sensoren. Sie senden alle zehn Minuten.",
            ["Das Netz umfasst 1.000 Sensoren.", "Sie senden alle zehn Minuten."]),
        SentenceCase(whole: "Der Anteil stieg von 2,5 auf 4,8 Prozent."),
        SentenceCase(whole: "Zur 2. Sitzung des Lenkungskreises kamen alle Bürgermeister."),
        SentenceCase(whole: "Wir feiern den 10. Geburtstag des Bürgerportals."),
        SentenceCase(
            "Die Zahl der Nutzer stieg auf 500. Das übertraf alle Erwartungen.",
            ["Die Zahl der Nutzer stieg auf 500.", "Das übertraf alle Erwartungen."]),
        SentenceCase(
            "Im Jahr 2023 wurden 40 Ladepunkte gebaut. 2024 folgen weitere.",
            ["Im Jahr 2023 wurden 40 Ladepunkte gebaut.", "2024 folgen weitere."]),
        SentenceCase(
            "Das Förderprogramm läuft bis 2027. Danach ist eine Verstetigung geplant.",
            ["Das Förderprogramm läuft bis 2027.", "Danach ist eine Verstetigung geplant."]),
        SentenceCase(
            "Der Antrag liegt auf Platz 1. Die Jury war sich einig.",
            ["Der Antrag liegt auf Platz 1.", "Die Jury war sich einig."]),
        SentenceCase(whole: "Zum 1. April tritt die neue Satzung in Kraft."),
        SentenceCase(whole: "Die 2. Förderrunde beginnt im Herbst."),
        SentenceCase(whole: "In der 14. Kalenderwoche wird das Netz gewartet."),
        SentenceCase(whole: "Seit dem 1. Quartal liegen die Daten offen."),
        SentenceCase(
            "Die Version 1.10 behebt den Fehler. Bitte aktualisieren.",
            ["Die Version 1.10 behebt den Fehler.", "Bitte aktualisieren."]),
        SentenceCase(whole: "Das Treffen beginnt um 14.30 Uhr im Rathaus."),
        SentenceCase(whole: "Am 24. und 25. Mai findet der Digitaltag statt."),
        SentenceCase(
            "Das Dokument ist die 2. Fassung. Die 1. Fassung ist veraltet.",
            ["Das Dokument ist die 2. Fassung.", "Die 1. Fassung ist veraltet."]),
        SentenceCase(
            "Er belegte beim Wettbewerb den 3. Platz. Das freute alle.",
            ["Er belegte beim Wettbewerb den 3. Platz.", "Das freute alle."]),
        SentenceCase(whole: "Am 1. Jan. 2025 beginnt die Umsetzung."),
        SentenceCase(
            "Die Zahl der Anfragen lag 2023 bei 1.250. Im Jahr davor waren es 900.",
            ["Die Zahl der Anfragen lag 2023 bei 1.250.", "Im Jahr davor waren es 900."]),
        SentenceCase(whole: "Das Budget beträgt 2,5 Mio. Euro pro Jahr."),
        SentenceCase(
            "Die Zahl stieg um 3. Das ist wenig.",
            ["Die Zahl stieg um 3.", "Das ist wenig."]),
        SentenceCase(whole: "Der Workshop am 12. ist ausgebucht."),
        SentenceCase(
            "Die Kosten lagen bei 12,50 € pro Einwohner. Das ist wenig.",
            ["Die Kosten lagen bei 12,50 € pro Einwohner.", "Das ist wenig."]),
        SentenceCase(
            "Um 7.45 Uhr öffnet das Rathaus. Um 16 Uhr schließt es.",
            ["Um 7.45 Uhr öffnet das Rathaus.", "Um 16 Uhr schließt es."]),
        SentenceCase(whole: "Der Kreis Olpe (ca. 134.000 Einwohner) ist Partner."),
        SentenceCase(
            "Die Förderquote beträgt 90 %. Der Rest kommt aus dem Haushalt.",
            ["Die Förderquote beträgt 90 %.", "Der Rest kommt aus dem Haushalt."]),
        SentenceCase(
            "Der Rat stimmte zu (12 Ja, 3 Nein). Die Umsetzung beginnt.",
            ["Der Rat stimmte zu (12 Ja, 3 Nein).", "Die Umsetzung beginnt."]),
        SentenceCase(whole: "Ab dem 5. Juli gilt der neue Fahrplan."),
        SentenceCase(whole: "Jeden 1. Montag im Monat tagt der Arbeitskreis."),
        SentenceCase(whole: "Die Messwerte vom 2.11. liegen vor."),
        SentenceCase(whole: "Der Kreis hat rund 1.200.000 Euro erhalten."),
        SentenceCase(
            "Gezählt wurden 12.400 Fahrten. Das sind 8,5 % mehr als im Vorjahr.",
            ["Gezählt wurden 12.400 Fahrten.", "Das sind 8,5 % mehr als im Vorjahr."]),
        SentenceCase(whole: "Unsere 4. Bürgerwerkstatt war gut besucht."),
    ]

    /// URLs, domains, e-mail addresses and file names.
    static let addresses: [SentenceCase] = [
        SentenceCase(whole: "Alle Daten stehen unter https://daten.olpe.de/verkehr.csv bereit."),
        SentenceCase(
            "Mehr erfahren Sie unter www.5-fuer-suedwestfalen.de. Dort finden Sie alle Leitfäden.",
            ["Mehr erfahren Sie unter www.5-fuer-suedwestfalen.de.", "Dort finden Sie alle Leitfäden."]),
        SentenceCase(
            "Fragen richten Sie an smart.city@olpe.de. Wir antworten innerhalb einer Woche.",
            ["Fragen richten Sie an smart.city@olpe.de.", "Wir antworten innerhalb einer Woche."]),
        SentenceCase(whole: "Die Adresse info@menden.de ist rund um die Uhr erreichbar."),
        SentenceCase(whole: "Unter https://www.olpe.de/suche?q=sensoren finden Sie die Liste."),
        SentenceCase(
            "Das Repository liegt unter https://git.example.org/kreis/leitfaden. Beiträge sind willkommen.",
            ["Das Repository liegt unter https://git.example.org/kreis/leitfaden.", "Beiträge sind willkommen."]),
        SentenceCase(
            "Siehe [Datenportal](https://daten.soest.de/). Dort gibt es Schnittstellen.",
            ["Siehe [Datenportal](https://daten.soest.de/).", "Dort gibt es Schnittstellen."]),
        SentenceCase(whole: "Die Datei leitfaden-v2.pdf ist veraltet."),
        SentenceCase(whole: "Schreiben Sie an a.beispiel@kreis-olpe.de oder rufen Sie an."),
        SentenceCase(
            "Die API (https://api.stadt.de/v1/) liefert JSON. Ein Schlüssel ist nicht nötig.",
            ["Die API (https://api.stadt.de/v1/) liefert JSON.", "Ein Schlüssel ist nicht nötig."]),
        SentenceCase(whole: "Der Link <https://olpe.de/faq> hilft weiter."),
        SentenceCase(
            "Ist https://daten.arnsberg.de erreichbar? Ja, seit Montag.",
            ["Ist https://daten.arnsberg.de erreichbar?", "Ja, seit Montag."]),
        SentenceCase(
            "Mehr unter www.olpe.de! Oder fragen Sie im Bürgerbüro.",
            ["Mehr unter www.olpe.de!", "Oder fragen Sie im Bürgerbüro."]),
        SentenceCase(whole: "Die Seite https://olpe.de/Bürger.Service/Start.html ist neu."),
        SentenceCase(
            "Mehr dazu im [Leitfaden Nr. 3](leitfaden-03.md). Er erklärt die Beteiligung.",
            ["Mehr dazu im [Leitfaden Nr. 3](leitfaden-03.md).", "Er erklärt die Beteiligung."]),
    ]
}
