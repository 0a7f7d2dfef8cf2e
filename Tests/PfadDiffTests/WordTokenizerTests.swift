import Testing
@testable import PfadDiff

@Suite struct WordTokenizerTests {
    static func words(_ text: String, _ tokenizer: WordTokenizer) -> [String] {
        let bytes = Array(text.utf8)
        return tokenizer.words(bytes[...]).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test func proseKeepsUmlautsCompoundsAndSplitsPunctuation() {
        #expect(Self.words("Die Straße über die Brücke.", .prose) == ["Die", "Straße", "über", "die", "Brücke", "."])
        #expect(Self.words("Rad- und Wanderweg, Nord-Süd-Achse!", .prose)
            == ["Rad-", "und", "Wanderweg", ",", "Nord-Süd-Achse", "!"])
        #expect(Self.words("„Öffnungszeiten“: 9–18 Uhr (täglich)", .prose)
            == ["„", "Öffnungszeiten", "“", ":", "9", "–", "18", "Uhr", "(", "täglich", ")"])
        #expect(Self.words("geht's", .prose) == ["geht's"])
    }

    @Test func whitespaceIsGitsDefault() {
        #expect(Self.words("  Brücke.  über\tdie\n", .whitespace) == ["Brücke.", "über", "die"])
    }

    @Test func patternWords() throws {
        let tokenizer = try WordTokenizer.pattern("[0-9]+")
        #expect(Self.words("B 236, km 12\nund 7", tokenizer) == ["236", "12", "7"])
        #expect(throws: DiffError.self) { try WordTokenizer.pattern("[unclosed") }
    }
}
