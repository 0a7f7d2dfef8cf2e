import Testing
@testable import PfadDiff

@Suite struct FilePatchTests {
    static func side(_ path: String, _ content: String, mode: UInt32 = 0o100644, id: String) -> FileSide {
        FileSide(path: Array(path.utf8), mode: mode, content: Array(content.utf8), abbreviatedID: Array(id.utf8))
    }

    // Expected texts pasted from `git diff --no-index P Q` (git 2.39, run by hand).
    @Test func modeOnlyChange() {
        let patch = FilePatch(old: Self.side("P/m", "hi\n", id: "45b983b"), new: Self.side("Q/m", "hi\n", mode: 0o100755, id: "45b983b"))
        #expect(String(decoding: patch.patch(), as: UTF8.self) == "diff --git a/P/m b/Q/m\nold mode 100644\nnew mode 100755\n")
    }

    @Test func newEmptyFile() {
        let patch = FilePatch(old: nil, new: Self.side("Q/empty", "", id: "e69de29"))
        #expect(String(decoding: patch.patch(), as: UTF8.self)
            == "diff --git a/Q/empty b/Q/empty\nnew file mode 100644\nindex 0000000..e69de29\n")
        #expect(String(decoding: patch.statName, as: UTF8.self) == "/dev/null => Q/empty")
    }

    @Test func deletedFile() {
        let patch = FilePatch(old: Self.side("P/gone", "z\n", id: "b680253"), new: nil)
        let expected = """
            diff --git a/P/gone b/P/gone
            deleted file mode 100644
            index b680253..0000000
            --- a/P/gone
            +++ /dev/null
            @@ -1 +0,0 @@
            -z

            """
        #expect(String(decoding: patch.patch(), as: UTF8.self) == expected)
        #expect(String(decoding: patch.nameOnlyPath, as: UTF8.self) == "/dev/null")
        #expect(String(decoding: patch.nameStatus, as: UTF8.self) == "D\tP/gone")
    }

    @Test func renameHeader() {
        // `git diff --no-index A B` with A/same renamed to B/moved.
        let patch = FilePatch(
            old: Self.side("A/same", "x\n", id: "587be6b"), new: Self.side("B/moved", "x\n", id: "587be6b"), similarity: 100)
        #expect(String(decoding: patch.patch(), as: UTF8.self)
            == "diff --git a/A/same b/B/moved\nsimilarity index 100%\nrename from A/same\nrename to B/moved\n")
        #expect(String(decoding: patch.nameStatus, as: UTF8.self) == "R100\tA/same\tB/moved")
    }

    @Test func sameContentUnderOtherFolderIsNoChange() {
        let patch = FilePatch(old: Self.side("old/a", "x\n", id: "1"), new: Self.side("new/a", "x\n", id: "1"))
        #expect(!patch.hasChanges)
        #expect(patch.patch().isEmpty)
    }

    @Test func binaryFiles() {
        let patch = FilePatch(old: Self.side("P/m", "hi\n", id: "45b983b"), new: Self.side("Q/binnew", "a\u{0}", id: "90802fe"))
        #expect(patch.isBinary)
        #expect(String(decoding: patch.patch(), as: UTF8.self)
            == "diff --git a/P/m b/Q/binnew\nindex 45b983b..90802fe 100644\nBinary files a/P/m and b/Q/binnew differ\n")
    }
}
