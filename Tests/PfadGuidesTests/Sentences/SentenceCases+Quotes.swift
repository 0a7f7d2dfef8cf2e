extension SentenceCase {
    /// „…“, »…«, "…" and ‚…‘ quotations.
    static let quotes: [SentenceCase] = [
        SentenceCase(
            "Sie fragte: „Wann kommt das WLAN?“ Niemand wusste es.",
            ["Sie fragte: „Wann kommt das WLAN?“", "Niemand wusste es."]),
        SentenceCase(whole: "„Wann kommt das WLAN?“, fragte die Bürgerin."),
        SentenceCase(
            "Der Bürgermeister sagte: „Wir sind bereit.“ Dann begann die Sitzung.",
            ["Der Bürgermeister sagte: „Wir sind bereit.“", "Dann begann die Sitzung."]),
        SentenceCase(
            "»Das Netz steht!« Mit diesen Worten eröffnete sie den Tag.",
            ["»Das Netz steht!«", "Mit diesen Worten eröffnete sie den Tag."]),
        SentenceCase(
            "Das Motto lautet »Digital für alle«. Es steht auf jedem Plakat.",
            ["Das Motto lautet »Digital für alle«.", "Es steht auf jedem Plakat."]),
        SentenceCase(
            "\"Das klappt nie!\" Doch es klappte.",
            ["\"Das klappt nie!\"", "Doch es klappte."]),
        SentenceCase(
            "Er nannte das Projekt \"Smarte Straße\". Der Name blieb.",
            ["Er nannte das Projekt \"Smarte Straße\".", "Der Name blieb."]),
        SentenceCase(
            "„Wir testen zuerst. Dann bauen wir aus.“ So erklärte es die Projektleitung.",
            ["„Wir testen zuerst. Dann bauen wir aus.“", "So erklärte es die Projektleitung."]),
        SentenceCase(whole: "Der Titel „Smart City“ ist geschützt."),
        SentenceCase(whole: "Sie rief: »Los geht’s!« und drückte den Knopf."),
        SentenceCase(
            "„Wer betreibt die Sensoren?“ „Die Stadtwerke.“ So lief das Gespräch.",
            ["„Wer betreibt die Sensoren?“", "„Die Stadtwerke.“", "So lief das Gespräch."]),
        SentenceCase(whole: "Die Frage „Wem gehören die Daten?“ bleibt offen."),
        SentenceCase(
            "Im Bericht heißt es: „Die Beteiligung war hoch.“ Das stimmt.",
            ["Im Bericht heißt es: „Die Beteiligung war hoch.“", "Das stimmt."]),
        SentenceCase(whole: "Das Schild sagt \"Bitte nicht betreten!\", doch niemand hält sich daran."),
        SentenceCase("»Wann?« »Morgen.« »Gut.«", ["»Wann?«", "»Morgen.«", "»Gut.«"]),
        SentenceCase("Sie sagte „Ja“. Dann ging sie.", ["Sie sagte „Ja“.", "Dann ging sie."]),
        SentenceCase(whole: "Er fragte „Warum nicht?“ und lachte."),
        SentenceCase(
            "‚Open Data‘ heißt das Prinzip. Es gilt für alle Kommunen.",
            ["‚Open Data‘ heißt das Prinzip.", "Es gilt für alle Kommunen."]),
        SentenceCase(
            "Unklar blieb: „Wer zahlt die Wartung?“ Die Antwort steht aus.",
            ["Unklar blieb: „Wer zahlt die Wartung?“", "Die Antwort steht aus."]),
        SentenceCase(
            "Der Slogan »Mehr Netz. Mehr Dorf.« gefiel allen.",
            ["Der Slogan »Mehr Netz. Mehr Dorf.« gefiel allen."]),
        SentenceCase(
            "Ein Zitat ohne Ende: „Das Netz. Die Stadt. Danach ging es weiter.",
            ["Ein Zitat ohne Ende: „Das Netz.", "Die Stadt.", "Danach ging es weiter."]),
    ]

    /// Ellipses: … and ...
    static let ellipses: [SentenceCase] = [
        SentenceCase(
            "Wir warten noch auf die Förderzusage … Dann geht es los.",
            ["Wir warten noch auf die Förderzusage …", "Dann geht es los."]),
        SentenceCase(
            "Wir warten noch auf die Förderzusage... Dann geht es los.",
            ["Wir warten noch auf die Förderzusage...", "Dann geht es los."]),
        SentenceCase(whole: "Die Daten [...] werden verschlüsselt gespeichert."),
        SentenceCase(whole: "Die Daten […] werden verschlüsselt gespeichert."),
        SentenceCase(whole: "Erst Olpe, dann Menden, dann … wer weiß."),
        SentenceCase(
            "Und dann? … Niemand hatte einen Plan.",
            ["Und dann?", "… Niemand hatte einen Plan."]),
        SentenceCase(whole: "Das Budget reicht für drei … vielleicht vier Standorte."),
        SentenceCase(
            "So weit der Plan... Die Realität sah anders aus!",
            ["So weit der Plan...", "Die Realität sah anders aus!"]),
        SentenceCase(whole: "„Und jetzt …?“, fragte er."),
        SentenceCase(
            "…und so weiter. Das war der Stand im Mai.",
            ["…und so weiter.", "Das war der Stand im Mai."]),
        SentenceCase(whole: "Die Liste (...) ist lang."),
    ]

    /// Question and exclamation marks.
    static let marks: [SentenceCase] = [
        SentenceCase(
            "Wer betreibt das Netz? Die Stadtwerke übernehmen den Betrieb.",
            ["Wer betreibt das Netz?", "Die Stadtwerke übernehmen den Betrieb."]),
        SentenceCase(
            "Wie hoch sind die Kosten? Etwa 12.000 Euro pro Jahr.",
            ["Wie hoch sind die Kosten?", "Etwa 12.000 Euro pro Jahr."]),
        SentenceCase(
            "Achtung! Die Plattform ist am Wochenende nicht erreichbar.",
            ["Achtung!", "Die Plattform ist am Wochenende nicht erreichbar."]),
        SentenceCase("Wirklich?! Das hätten wir nicht gedacht.", ["Wirklich?!", "Das hätten wir nicht gedacht."]),
        SentenceCase(whole: "Was passiert mit den Daten? wird oft gefragt."),
        SentenceCase("Warum? Weil die Förderung ausläuft.", ["Warum?", "Weil die Förderung ausläuft."]),
        SentenceCase(
            "Wie viele Sensoren? 120 Stück im ganzen Kreis.",
            ["Wie viele Sensoren?", "120 Stück im ganzen Kreis."]),
        SentenceCase("Funktioniert das auch im Winter??? Ja.", ["Funktioniert das auch im Winter???", "Ja."]),
        SentenceCase(
            "Gut gemacht! Weiter so! Danke an alle.",
            ["Gut gemacht!", "Weiter so!", "Danke an alle."]),
        SentenceCase(
            "Ist das sinnvoll (und bezahlbar)? Wir prüfen das.",
            ["Ist das sinnvoll (und bezahlbar)?", "Wir prüfen das."]),
        SentenceCase(whole: "Die Frage lautet, ob die Stadt zahlt?!"),
        SentenceCase(
            "Was kostet das? (Die Zahlen stammen aus 2023.) Danach fragen viele.",
            ["Was kostet das?", "(Die Zahlen stammen aus 2023.)", "Danach fragen viele."]),
        SentenceCase(whole: "Hallo! wie geht es weiter?"),
    ]
}
