/// The German abbreviations, ordinal contexts and month names the
/// sentence splitter knows. Multi-part abbreviations are written with
/// their parts joined by `.` and no spaces (`z.B`, `i.d.R`): the splitter
/// matches `z. B.`, `z.B.` and `z.\u{A0}B.` alike.
enum GermanAbbreviations {
    /// How an abbreviation's period relates to a sentence end.
    enum Kind {
        /// Never ends a sentence (`z. B.`, `Dr.`, `Nr.`).
        case inner
        /// Ends the sentence when the next word starts with a capital
        /// letter (`usw.`, `etc.`, `e. V.`).
        case mayEnd
        /// Never ends a sentence before a number (`Art. 5`, `Abs. 2`), and
        /// is the noun it spells otherwise (`eine neue Art.`).
        case beforeNumber
    }

    static let inner: Set<String> = [
        // multi-part
        "z.B", "d.h", "u.a", "i.d.R", "u.U", "s.o", "s.u", "v.a", "m.E", "i.A", "i.V", "z.T", "z.Hd",
        "o.g", "i.S.d", "i.V.m", "a.a.O", "d.J", "v.H", "u.E", "z.Zt",
        // single words
        "bzw", "ggf", "ggfs", "S", "s", "ca", "Nr", "Nrn", "Abs", "Kap", "Bd", "Abb", "Ziff", "Pkt", "Tz", "Rn", "Dr", "Prof", "vgl", "Hr", "Hrn",
        "Fr", "Str", "Tel", "Mio", "Mrd", "Tsd", "Jhd", "inkl", "exkl", "zzgl", "evtl", "sog", "bspw", "Bsp",
        "max", "mind", "Aufl", "Hrsg", "St", "Dipl", "Ing", "Mag", "bzgl", "gem", "lt",
        "vs", "allg", "zzt", "Anm", "insb", "insbes", "Abt",
        "Co", "med", "rer", "nat", "phil", "jur", "dt", "engl", "geb", "gest", "ehem", "urspr", "Verf",
        "Hbf", "Mo", "Di", "Mi", "Do", "Sa", "So", "Jan", "Feb", "Mär", "Apr", "Jun", "Jul", "Aug",
        "Sep", "Sept", "Okt", "Nov", "Dez", "lfd", "zit", "Bearb", "Landkr", "Gde",
    ]

    /// Abbreviations that are also nouns (`Art` "kind", `Tab`).
    static let beforeNumber: Set<String> = ["Art", "Tab"]

    static let mayEnd: Set<String> = [
        "usw", "etc", "e.V", "u.v.m", "o.Ä", "u.Ä", "Jh", "ff", "f", "Min", "min", "Std",
    ]

    /// The kind of the abbreviation written as `parts` (the letter runs
    /// before each period), or nil if it is none. Tries the longest
    /// trailing run of parts first, and a capitalised first part as at a
    /// sentence start (`Vgl.`, `Z. B.`).
    static func kind(of parts: [String]) -> (kind: Kind, parts: Int)? {
        guard !parts.isEmpty else { return nil }
        for length in stride(from: parts.count, through: 1, by: -1) {
            let suffix = Array(parts.suffix(length))
            var variants = [suffix.joined(separator: ".")]
            if let first = suffix.first {
                variants.append(([decapitalised(first)] + suffix.dropFirst()).joined(separator: "."))
            }
            for key in variants {
                if inner.contains(key) { return (.inner, length) }
                if mayEnd.contains(key) { return (.mayEnd, length) }
                if beforeNumber.contains(key) { return (.beforeNumber, length) }
            }
        }
        if let last = parts.last, last.count > 3, last.hasSuffix("str") { return (.inner, 1) }
        return nil
    }

    private static func decapitalised(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.lowercased() + word.dropFirst()
    }

    /// Month names and their abbreviations: `3. Oktober`, `1. Jan.`.
    static let months: Set<String> = [
        "Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
        "Oktober", "November", "Dezember", "Jan", "Feb", "Mär", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
        "Okt", "Nov", "Dez",
    ]

    /// Nouns that follow an ordinal number: `3. Auflage`, `20. Jh.`.
    static let ordinalNouns: Set<String> = [
        "Jh", "Jhd", "Jahrhundert", "Jahrhunderts", "Auflage", "Sitzung", "Platz", "Stock", "Stockwerk",
        "Etage", "Geburtstag", "Jahrestag", "Jubiläum", "Klasse", "Runde", "Quartal", "Kalenderwoche",
        "KW", "Mal", "Stelle", "Bauabschnitt", "Abschnitt", "Änderung", "Fassung", "Woche", "Schritt",
        "Phase", "Stufe", "Ausgabe", "Tagung", "Treffen", "Workshop", "Förderaufruf", "Förderrunde",
        "Halbjahr", "Monat", "Tag", "Lesung", "Wahlperiode", "Preis", "Bürgerforum", "Ratssitzung",
        "Fortschreibung", "Sitzungswoche", "Version", "Modul", "Teil", "Kapitel", "Band", "Lauf",
    ]

    /// Words before a number that make it an ordinal: `am 3.`, `zur 2.`.
    static let ordinalLeaders: Set<String> = [
        "am", "vom", "zum", "zur", "den", "der", "die", "das", "dem", "des", "im", "ab", "seit", "beim",
        "ins", "jeden", "jede", "jedes", "jeder", "ihr", "ihre", "ihrem", "ihren", "ihrer", "sein",
        "seine", "seinem", "seinen", "seiner", "unser", "unsere", "unserem", "unseren", "unserer",
        "diese", "dieser", "dieses", "diesem", "diesen", "eine", "einer", "einem", "einen", "ein",
    ]
}
