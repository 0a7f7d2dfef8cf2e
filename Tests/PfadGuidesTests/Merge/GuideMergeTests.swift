import PfadDiff
import Testing

@testable import PfadGuides

/// Hand-written cases of the guide merge; every expected text is written
/// out by hand.
@Suite struct GuideMergeTests {
    func merge(_ base: String, _ ours: String, _ theirs: String, style: ConflictStyle = .merge) -> (String, Int) {
        let options = MergeOptions(style: style, currentLabel: Array("ours".utf8), baseLabel: Array("base".utf8), otherLabel: Array("theirs".utf8))
        let result = GuideMerge.merge(base: base, current: ours, other: theirs, options: options)
        return (String(decoding: result.content, as: UTF8.self), result.conflicts)
    }

    let base = """
        # Sensoren

        Die Stadt misst den Lärm am Markt. Die Werte gehen an das Bauamt.

        Wer die Daten liest, braucht einen Zugang. Den vergibt die IT.

        """

    @Test func differentWordsOfOneSentenceMergeCleanly() {
        let ours = base.replacingOccurrences(of: "misst den Lärm", with: "misst stündlich den Lärm")
        let theirs = base.replacingOccurrences(of: "am Markt", with: "am Rathaus")
        let (text, conflicts) = merge(base, ours, theirs)
        #expect(conflicts == 0)
        #expect(text == base.replacingOccurrences(of: "misst den Lärm am Markt", with: "misst stündlich den Lärm am Rathaus"))
    }

    @Test func neighbouringWordsConflictInTheSentenceOnly() {
        let ours = base.replacingOccurrences(of: "den Lärm", with: "das Wetter")
        let theirs = base.replacingOccurrences(of: "am Markt", with: "im Park")
        let (text, conflicts) = merge(base, ours, theirs)
        #expect(conflicts == 1)
        #expect(text == """
            # Sensoren

            <<<<<<< ours
            Die Stadt misst das Wetter am Markt.
            =======
            Die Stadt misst den Lärm im Park.
            >>>>>>> theirs
            Die Werte gehen an das Bauamt.

            Wer die Daten liest, braucht einen Zugang. Den vergibt die IT.

            """)
    }

    @Test func identicalChangesMergeCleanly() {
        let ours = base.replacingOccurrences(of: "Bauamt", with: "Umweltamt")
        let (text, conflicts) = merge(base, ours, ours + "")
        #expect(conflicts == 0)
        #expect(text == ours)
    }

    @Test func movedParagraphKeepsTheOtherSidesEdit() {
        let ours = """
            # Sensoren

            Wer die Daten liest, braucht einen Zugang. Den vergibt die IT.

            Die Stadt misst den Lärm am Markt. Die Werte gehen an das Bauamt.

            """
        let theirs = base.replacingOccurrences(of: "Den vergibt die IT.", with: "Den vergibt die IT auf Antrag.")
        let (text, conflicts) = merge(base, ours, theirs)
        #expect(conflicts == 0)
        #expect(text == ours.replacingOccurrences(of: "Den vergibt die IT.", with: "Den vergibt die IT auf Antrag."))
    }

    @Test func rewrappedParagraphTakesTheOtherSidesEdit() {
        let ours = """
            # Sensoren

            Die Stadt misst den Lärm am Markt.
            Die Werte gehen an das Bauamt.

            Wer die Daten liest, braucht einen Zugang. Den vergibt die IT.

            """
        let theirs = base.replacingOccurrences(of: "an das Bauamt", with: "an das Umweltamt")
        let (text, conflicts) = merge(base, ours, theirs)
        #expect(conflicts == 0)
        #expect(text == ours.replacingOccurrences(of: "an das Bauamt", with: "an das Umweltamt"))
    }

    @Test func deletedParagraphEditedByTheOtherSideConflicts() {
        let ours = """
            # Sensoren

            Die Stadt misst den Lärm am Markt. Die Werte gehen an das Bauamt.

            """
        let theirs = base.replacingOccurrences(of: "Den vergibt die IT.", with: "Den vergibt das Hauptamt.")
        let (text, conflicts) = merge(base, ours, theirs)
        #expect(conflicts == 1)
        #expect(text == """
            # Sensoren

            Die Stadt misst den Lärm am Markt. Die Werte gehen an das Bauamt.

            <<<<<<< ours
            =======
            Wer die Daten liest, braucht einen Zugang. Den vergibt das Hauptamt.
            >>>>>>> theirs

            """)
    }

    @Test func listItemsAppendedByBothSidesAreKeptInByteOrder() {
        let base = "Schritte:\n\n- Bedarf klären\n- Sensoren wählen\n\nEnde.\n"
        let ours = "Schritte:\n\n- Bedarf klären\n- Sensoren wählen\n- Montage planen\n\nEnde.\n"
        let theirs = "Schritte:\n\n- Bedarf klären\n- Sensoren wählen\n- Daten prüfen\n\nEnde.\n"
        let expected = "Schritte:\n\n- Bedarf klären\n- Sensoren wählen\n- Daten prüfen\n- Montage planen\n\nEnde.\n"
        #expect(merge(base, ours, theirs) == (expected, 0))
        #expect(merge(base, theirs, ours) == (expected, 0))
    }

    @Test func frontMatterKeysMergeByKey() {
        let base = "---\ntitle: Sensoren\nstatus: Entwurf\ntopics:\n  - Lärm\n---\nText.\n"
        let ours = "---\ntitle: Sensoren am Markt\nstatus: Entwurf\ntopics:\n  - Lärm\n  - Luft\n---\nText.\n"
        let theirs = "---\ntitle: Sensoren\nstatus: Freigabe\ntopics:\n  - Lärm\n  - Wasser\n---\nText.\n"
        let (text, conflicts) = merge(base, ours, theirs)
        #expect(conflicts == 0)
        #expect(text == "---\ntitle: Sensoren am Markt\nstatus: Freigabe\ntopics:\n  - Lärm\n  - Luft\n  - Wasser\n---\nText.\n")
    }

    @Test func frontMatterKeySetDifferentlyConflicts() {
        let base = "---\ntitle: Sensoren\nstatus: Entwurf\n---\nText.\n"
        let ours = "---\ntitle: Sensoren\nstatus: Prüfung\n---\nText.\n"
        let theirs = "---\ntitle: Sensoren\nstatus: Freigabe\n---\nText.\n"
        let (text, conflicts) = merge(base, ours, theirs, style: .diff3)
        #expect(conflicts == 1)
        #expect(text == "---\ntitle: Sensoren\n<<<<<<< ours\nstatus: Prüfung\n||||||| base\nstatus: Entwurf\n=======\nstatus: Freigabe\n>>>>>>> theirs\n---\nText.\n")
    }

    @Test func brokenFrontMatterFallsBackToTheLineMerge() {
        let base = "---\ntitle: [\n---\nA\n"
        let ours = "---\ntitle: [\n---\nB\n"
        let theirs = "---\ntitle: [x\n---\nA\n"
        let expected = ThreeWayMerge.merge(base: Array(base.utf8), current: Array(ours.utf8), other: Array(theirs.utf8))
        #expect(GuideMerge.merge(base: base, current: ours, other: theirs) == expected)
    }
}
