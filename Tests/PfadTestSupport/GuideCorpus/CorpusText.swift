/// The German text the guide-merge corpus is built from, written for it:
/// paragraphs of a few sentences, section headings, list items, and words
/// the edits bring in (none of which occurs in the paragraphs).
enum CorpusText {
    /// Paragraphs, each a list of sentences.
    static let paragraphs: [[String]] = [
        [
            "Die Stadt misst seit dem Frühjahr den Lärm an drei Kreuzungen im Zentrum.",
            "Die Werte gehen jede Nacht an das Bauamt und werden dort geprüft.",
            "Auffällige Spitzen meldet das System der zuständigen Sachbearbeiterin.",
        ],
        [
            "Wer die Daten nutzen möchte, braucht einen eigenen Zugang zum Portal.",
            "Den Zugang vergibt die Abteilung für Informationstechnik nach einem kurzen Gespräch.",
            "Schulen und Vereine erhalten ihn ohne Gebühr.",
            "Alle anderen zahlen einen kleinen Beitrag für den Betrieb.",
        ],
        [
            "Vor dem Aufbau der Sensoren sprach das Projektteam mit den Anwohnern.",
            "Viele wollten wissen, welche Daten gespeichert werden und wie lange.",
            "Die Antworten stehen heute gut sichtbar auf der Internetseite der Stadt.",
        ],
        [
            "Jeder Sensor hängt an einer Straßenlaterne und bezieht dort seinen Strom.",
            "Fällt eine Laterne aus, meldet der Sensor keine Werte mehr.",
            "Der Bauhof tauscht defekte Geräte meist innerhalb einer Woche.",
        ],
        [
            "Die Verwaltung hat früh entschieden, keine Kameras einzusetzen.",
            "Gezählt werden nur Fahrzeuge und Fußgänger, nicht aber einzelne Personen.",
            "So bleiben die Daten anonym und dürfen offen veröffentlicht werden.",
            "Der Datenschutzbeauftragte hat dieses Vorgehen ausdrücklich begrüßt.",
        ],
        [
            "Im Rathaus trifft sich einmal im Monat eine kleine Arbeitsgruppe.",
            "Sie bespricht neue Ideen und legt fest, welche davon zuerst umgesetzt werden.",
            "Gäste aus der Bürgerschaft sind in diesen Runden ausdrücklich willkommen.",
        ],
        [
            "Die Kosten für das erste Jahr trug zum größten Teil ein Förderprogramm des Landes.",
            "Ab dem zweiten Jahr zahlt die Stadt den Betrieb aus dem eigenen Haushalt.",
            "Der Rat hat dafür einen festen Betrag im Haushaltsplan vorgesehen.",
        ],
        [
            "Für die Auswertung nutzt die Stadt eine freie Software.",
            "Die Diagramme entstehen automatisch und werden täglich neu berechnet.",
            "Wer eigene Auswertungen machen will, kann die Rohdaten herunterladen.",
        ],
        [
            "Nach einem Jahr zog das Team eine erste Bilanz.",
            "Die Messungen zeigten deutlich, wann der Verkehr am dichtesten ist.",
            "Daraufhin wurden die Ampeln an zwei Kreuzungen anders geschaltet.",
            "Die Wartezeiten für Fußgänger sanken spürbar.",
        ],
        [
            "Andere Gemeinden haben bereits nach den Erfahrungen gefragt.",
            "Deshalb schreibt das Team diesen Leitfaden und stellt ihn frei zur Verfügung.",
            "Hinweise und Verbesserungen nimmt die Stadt gern entgegen.",
        ],
        [
            "Die Sensoren senden ihre Werte über ein eigenes Funknetz.",
            "Dieses Netz betreiben die Stadtwerke gemeinsam mit einem Verein aus der Region.",
            "Es reicht vom Bahnhof bis zum Gewerbegebiet am Ortsrand.",
        ],
        [
            "Bei der Wartung hilft eine einfache Checkliste.",
            "Sie nennt die Schritte, die vor jedem Einsatz am Gerät nötig sind.",
            "Wer sie befolgt, vermeidet die meisten Fehler beim Austausch.",
        ],
    ]

    /// Section headings.
    static let headings: [String] = [
        "Ausgangslage", "Beteiligung", "Technik im Straßenraum", "Datenschutz",
        "Finanzierung", "Auswertung", "Ergebnisse", "Ausblick",
    ]

    /// List items.
    static let items: [String] = [
        "Bedarf mit den Anwohnern klären",
        "Standorte für die Sensoren wählen",
        "Strom an den Laternen prüfen",
        "Funknetz für die Übertragung planen",
        "Datenschutz mit dem Beauftragten abstimmen",
        "Portal für die Daten einrichten",
        "Ergebnisse im Rat vorstellen",
        "Wartung mit dem Bauhof vereinbaren",
        "Rohdaten regelmäßig sichern",
    ]

    /// Guide titles.
    static let titles: [String] = [
        "Sensoren im Ortskern", "Offene Daten für alle", "Verkehr zählen ohne Kameras",
        "Ein Funknetz für die Stadt", "Lärm messen und verstehen",
    ]

    /// Topics for the front matter.
    static let topics: [String] = ["Lärm", "Verkehr", "Daten", "Beteiligung", "Funknetz", "Haushalt", "Wartung"]

    /// Words the edits bring in (single words, letters only).
    static let newWords: [String] = [
        "Quartiersbeirat", "Fahrradstraße", "Nachtruhe", "Ortsvorsteherin", "Gemeindewerk", "Stadtteilbüro",
        "Förderbescheid", "Messkampagne", "Bürgerhaus", "Kreistag", "Lieferverkehr", "Schulweg",
        "Wochenmarkt", "Ehrenamt", "Feuerwehr", "Kläranlage", "Sportplatz", "Friedhof", "Kirchplatz",
        "Seniorenrat", "Jugendzentrum", "Pendler", "Nahverkehr", "Radweg", "Parkhaus", "Spielplatz",
        "Stadtpark", "Bücherei", "Hallenbad", "Marktplatz", "Bürgermeisterin", "Kämmerei", "Ordnungsamt",
        "Landkreis", "Regionalplan", "Winterdienst", "Straßenfest", "Brückenbau", "Gehweg", "Laubbläser",
        "mehrmals", "zuverlässig", "gründlich", "zusätzlich", "vorläufig", "sorgfältig", "dauerhaft",
        "kostenlos", "nachts", "ständig", "rechtzeitig", "ausführlich",
    ]

    /// Sentences the edits bring in.
    static let newSentences: [String] = [
        "Die Ergebnisse hängen zusätzlich im Bürgerhaus aus.",
        "Der Quartiersbeirat wird dazu regelmäßig angehört.",
        "Eine Messkampagne im Winter soll das Bild vervollständigen.",
        "Auch der Seniorenrat hat seine Unterstützung zugesagt.",
        "Die Ortsvorsteherin lädt zweimal im Jahr zu einem Rundgang ein.",
        "Für Rückfragen steht das Stadtteilbüro bereit.",
        "Der Förderbescheid liegt der Kämmerei vor.",
        "Am Wochenmarkt gibt es dazu einen eigenen Stand.",
    ]

    /// New list items.
    static let newItems: [String] = [
        "Schulweg gesondert betrachten", "Feuerwehr frühzeitig einbinden", "Wochenmarkt als Testfeld nutzen",
        "Kreistag über den Stand informieren", "Nahverkehr in die Planung aufnehmen", "Ehrenamt gezielt ansprechen",
        "Hallenbad als Standort prüfen", "Radweg am Bahnhof vermessen",
    ]
}
