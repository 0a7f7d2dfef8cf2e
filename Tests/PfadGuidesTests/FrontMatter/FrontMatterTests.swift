import Testing

@testable import PfadGuides

@Suite struct FrontMatterTests {
    static let tricky = """
        ---
        title: Offene Daten für Olpe
        number: 01067
        municipality: Olpe
        authors:
          - Anna Beispiel
          - Jonas Muster
        date: 2021-03
        status: no
        version: 1.10
        public: on
        topics: [Mobilität, Umwelt]
        # Kontakt im Rathaus
        kontakt: "Fachbereich 3"
        zuletzt: 2024-05-14
        ---
        Der Text beginnt hier.

        """

    @Test func keepsScalarsAsWritten() throws {
        let (frontMatter, body) = try FrontMatter.split(Self.tricky)
        let matter = try #require(frontMatter)
        #expect(matter.title == "Offene Daten für Olpe")
        #expect(matter.number == "01067")
        #expect(matter.municipality == "Olpe")
        #expect(matter.authors == ["Anna Beispiel", "Jonas Muster"])
        #expect(matter.date == "2021-03")
        #expect(matter.status == "no")
        #expect(matter.topics == ["Mobilität", "Umwelt"])
        #expect(matter.owners == [])
        #expect(matter["version"] == .string("1.10"))
        #expect(matter["public"] == .string("on"))
        #expect(matter["zuletzt"] == .string("2024-05-14"))
        // The body starts after "---\n" on line 16: 260 bytes before it
        // ("für" and "Mobilität" have one two-byte letter each).
        let text = Array(Self.tricky.utf8)
        #expect(String(decoding: text[body], as: UTF8.self) == "Der Text beginnt hier.\n")
        #expect(body == 260..<283)
    }

    @Test func unknownKeysKeepTheirOrder() throws {
        let matter = try #require(try FrontMatter.split(Self.tricky).frontMatter)
        #expect(matter.unknownEntries.map(\.key) == ["version", "public", "kontakt", "zuletzt"])
        #expect(matter.entries.map(\.key) == [
            "title", "number", "municipality", "authors", "date", "status", "version", "public", "topics",
            "kontakt", "zuletzt",
        ])
        #expect(matter.entries.map(\.line) == [2, 3, 4, 5, 8, 9, 10, 11, 12, 14, 15])
    }

    @Test func roundTripIsByteIdentical() throws {
        let text = Array(Self.tricky.utf8)
        let (frontMatter, body) = try FrontMatter.split(text)
        let matter = try #require(frontMatter)
        #expect(matter.source + Array(text[body]) == text)
        // The comment travels with the key before it.
        #expect(matter.entries[8].trailing == Array("# Kontakt im Rathaus\n".utf8))
    }

    @Test func settingOneKeyLeavesEveryOtherLineAlone() throws {
        let matter = try #require(try FrontMatter.split(Self.tricky).frontMatter)
        let edited = try matter.setting("status", to: "veröffentlicht")
        let expected = """
            ---
            title: Offene Daten für Olpe
            number: 01067
            municipality: Olpe
            authors:
              - Anna Beispiel
              - Jonas Muster
            date: 2021-03
            status: veröffentlicht
            version: 1.10
            public: on
            topics: [Mobilität, Umwelt]
            # Kontakt im Rathaus
            kontakt: "Fachbereich 3"
            zuletzt: 2024-05-14
            ---

            """
        #expect(String(decoding: edited.source, as: UTF8.self) == expected)
        #expect(edited.status == "veröffentlicht")
    }

    @Test func settingAListAndANewKeyQuotesWhatYAMLWouldCoerce() throws {
        let matter = try #require(try FrontMatter.split(Self.tricky).frontMatter)
        let edited = try matter
            .setting("topics", to: .list([.string("Energie"), .string("no"), .string("2024")]))
            .setting("owners", to: .list([.string("Team Digitales")]))
            .setting("kennung", to: "1.10")
        let expected = """
            ---
            title: Offene Daten für Olpe
            number: 01067
            municipality: Olpe
            authors:
              - Anna Beispiel
              - Jonas Muster
            date: 2021-03
            status: no
            version: 1.10
            public: on
            topics:
              - Energie
              - "no"
              - "2024"
            # Kontakt im Rathaus
            kontakt: "Fachbereich 3"
            zuletzt: 2024-05-14
            owners:
              - Team Digitales
            kennung: "1.10"
            ---

            """
        #expect(String(decoding: edited.source, as: UTF8.self) == expected)
        // topics now spans lines 12-15, the comment 16, kontakt 17.
        #expect(edited.entries.map(\.line).suffix(3) == [18, 19, 21])
        // Written values read back as the same strings.
        let reread = try #require(try FrontMatter.split(edited.source).frontMatter)
        #expect(reread.topics == ["Energie", "no", "2024"])
        #expect(reread["kennung"] == .string("1.10"))
        #expect(reread == edited)
    }

    @Test func removingDropsOnlyThatKeysLines() throws {
        let matter = try #require(try FrontMatter.split(Self.tricky).frontMatter)
        let edited = matter.removing("authors").removing("topics").removing("fehlt")
        let expected = """
            ---
            title: Offene Daten für Olpe
            number: 01067
            municipality: Olpe
            date: 2021-03
            status: no
            version: 1.10
            public: on
            # Kontakt im Rathaus
            kontakt: "Fachbereich 3"
            zuletzt: 2024-05-14
            ---

            """
        #expect(String(decoding: edited.source, as: UTF8.self) == expected)
        #expect(edited.entries.map(\.line) == [2, 3, 4, 5, 6, 7, 8, 10, 11])
    }

    @Test func scalarWriterQuotesByHand() {
        #expect(YAMLWriter.scalar("Olpe") == "Olpe")
        #expect(YAMLWriter.scalar("Bad Berleburg") == "Bad Berleburg")
        #expect(YAMLWriter.scalar("01067") == "\"01067\"")
        #expect(YAMLWriter.scalar("yes") == "\"yes\"")
        #expect(YAMLWriter.scalar("Off") == "\"Off\"")
        #expect(YAMLWriter.scalar("2021-03") == "\"2021-03\"")
        #expect(YAMLWriter.scalar("Ziel: mehr") == "\"Ziel: mehr\"")
        #expect(YAMLWriter.scalar("Sag \"ja\"\n") == "\"Sag \\\"ja\\\"\\n\"")
        #expect(YAMLWriter.scalar("") == "\"\"")
    }

    @Test func aFileWithoutFrontMatterIsAllBody() throws {
        let (frontMatter, body) = try FrontMatter.split("# Titel\n---\n")
        #expect(frontMatter == nil)
        #expect(body == 0..<12)
    }

    @Test func emptyFrontMatterAndCommentsOnly() throws {
        let empty = try #require(try FrontMatter.split("---\n---\nText").frontMatter)
        #expect(empty.entries.isEmpty)
        let comments = try FrontMatter.split("---\n# nur ein Kommentar\n...\nText")
        #expect(comments.frontMatter?.leading == Array("# nur ein Kommentar\n".utf8))
        // "---\n" 4 + "# nur ein Kommentar\n" 20 + "...\n" 4.
        #expect(comments.body == 28..<32)
    }

    @Test func badYAMLGivesTheFileLine() {
        #expect(yamlErrorLine("---\ntitle: Olpe\nnumber: 7\n  date: 2021\n---\n") == 4)
        #expect(yamlErrorLine("---\ntitle: \"offen\n---\n") == 3)
        #expect(yamlErrorLine("---\na: 1\nb: 2\nc: [1, 2\n---\n") == 5)
        #expect(yamlErrorLine("---\n{a: 1, b: 2}\n---\n") == 2)
        #expect(throws: GuideError.unterminatedFrontMatter(line: 1)) {
            try FrontMatter.split("---\ntitle: Olpe\n")
        }
        #expect(throws: GuideError.duplicateKey("title", line: 3)) {
            try FrontMatter.split("---\ntitle: Olpe\ntitle: Menden\n---\n")
        }
        #expect(throws: GuideError.frontMatterNotAMapping(line: 2)) {
            try FrontMatter.split("---\n- eins\n- zwei\n---\n")
        }
        #expect(throws: GuideError.wrongValueType(key: "title", line: 3, expected: "a single value")) {
            try FrontMatter.split("---\nnumber: 1\ntitle:\n  - A\n---\n")
        }
        #expect(throws: GuideError.wrongValueType(key: "authors", line: 2, expected: "a list of values")) {
            try FrontMatter.split("---\nauthors: {a: b}\n---\n")
        }
    }

    // Found by the front-matter fuzz target (issue 18): a lone CR made Yams
    // count one line more than the file has, and slicing the key's source
    // line trapped. Such breaks (and NEL, LS, PS) are now refused by line.
    @Test func strayLineBreaksAreRefused() {
        let carriageReturn = Array("---\ntitle: \"Biggesee\rRundweg\"\nnumber: 7\n---\n".utf8)
        #expect(throws: GuideError.invalidYAML(line: 2, column: 17, problem: "line break other than LF or CRLF")) {
            try FrontMatter.split(carriageReturn)
        }
        #expect(yamlErrorLine("---\ntitle: A\nnumber: 7\u{2028}\n---\n") == 3)
        #expect(yamlErrorLine("---\ntitle: A\u{85}B\n---\n") == 2)
        // CRLF files stay fine.
        #expect((try? FrontMatter.split("---\r\ntitle: A\r\nnumber: 7\r\n---\r\n"))?.frontMatter?.title == "A")
    }

    // Found by fuzzing: with indented top-level keys, `setting` a new key
    // (written in column 1) made YAML that no longer parsed.
    @Test func indentedTopLevelKeysAreRefused() {
        #expect(throws: GuideError.invalidYAML(line: 2, column: 2, problem: "top-level keys start in column 1")) {
            try FrontMatter.split("---\n number: 7\n---\n")
        }
        #expect(yamlErrorLine("---\ntitle: A\n  number: 7\n---\n") != nil)
    }

    // Found by fuzzing: a tag before the first key applies to the whole
    // mapping; removing the only key left it dangling.
    @Test func onlyTriviaBeforeTheFirstKey() throws {
        #expect(yamlErrorLine("---\n!!map\ntitle: A\n---\n") == 2)
        #expect(yamlErrorLine("---\n&wurzel\ntitle: A\n---\n") == 2)
        let commented = try #require(try FrontMatter.split("---\n# Kommentar\n\ntitle: A\n---\n").frontMatter)
        #expect(commented.leading == Array("# Kommentar\n\n".utf8))
        // An indented comment is a comment too.
        let edited = try #require(try FrontMatter.split("---\n  # eingerückt\n---\n").frontMatter).setting("title", to: "A")
        #expect(try FrontMatter.split(edited.source).frontMatter?.title == "A")
    }

    /// The line of the `invalidYAML` error `text` raises, or nil.
    private func yamlErrorLine(_ text: String) -> Int? {
        do {
            _ = try FrontMatter.split(text)
        } catch let GuideError.invalidYAML(line, _, _) {
            return line
        } catch {
            return nil
        }
        return nil
    }

    @Test func unwritableKeysAreRefused() throws {
        let matter = try #require(try FrontMatter.split("---\ntitle: A\n---\n").frontMatter)
        #expect(throws: GuideError.unwritableKey("zwei worte")) { try matter.setting("zwei worte", to: "x") }
        #expect(throws: GuideError.wrongValueType(key: "title", line: 2, expected: "a single value")) {
            try matter.setting("title", to: .list([]))
        }
    }
}
