import Testing
@testable import PfadDiff

@Suite struct DiffStatTests {
    @Test func scalesLikeGit() {
        // Expected text pasted from `git diff --no-index --stat S2 T2` (git 2.39, run by hand).
        let entries = [
            DiffStatEntry(name: Array("{S2 => T2}/big".utf8), added: 0, deleted: 997),
            DiffStatEntry(name: Array("{S2 => T2}/bin".utf8), added: 0, deleted: 0, binarySizes: (3, 4)),
            DiffStatEntry(name: Array("{S2 => T2}/m".utf8), added: 5, deleted: 4),
            DiffStatEntry(name: Array("{S2 => T2}/short".utf8), added: 0, deleted: 150),
        ]
        let expected = """
             {S2 => T2}/big   | 997 -------------------------------------------------------
             {S2 => T2}/bin   | Bin 3 -> 4 bytes
             {S2 => T2}/m     |   9 +-
             {S2 => T2}/short | 150 ---------
             4 files changed, 5 insertions(+), 1151 deletions(-)

            """
        #expect(String(decoding: DiffStat.stat(entries), as: UTF8.self) == expected)
    }

    @Test func longNamesAreShortened() {
        // git 2.39: a 86-column name with 3 changes is cut to 70 columns.
        let name = "{S => T}/a_rather_long_file_name_that_goes_on_and_on_and_on_and_on_and_on_forever.txt"
        let out = String(decoding: DiffStat.stat([DiffStatEntry(name: Array(name.utf8), added: 2, deleted: 1)]), as: UTF8.self)
        #expect(out == " ...long_file_name_that_goes_on_and_on_and_on_and_on_and_on_forever.txt | 3 ++-\n 1 file changed, 2 insertions(+), 1 deletion(-)\n")
    }

    @Test func numstatMarksBinary() {
        let out = DiffStat.numstat([
            DiffStatEntry(name: Array("a".utf8), added: 2, deleted: 1),
            DiffStatEntry(name: Array("b".utf8), added: 0, deleted: 0, binarySizes: (1, 2)),
        ])
        #expect(String(decoding: out, as: UTF8.self) == "2\t1\ta\n-\t-\tb\n")
    }

    @Test func summaryWording() {
        #expect(String(decoding: DiffStat.summary(files: 1, insertions: 1, deletions: 0), as: UTF8.self)
            == " 1 file changed, 1 insertion(+)\n")
        #expect(String(decoding: DiffStat.summary(files: 1, insertions: 0, deletions: 0), as: UTF8.self)
            == " 1 file changed, 0 insertions(+), 0 deletions(-)\n")
    }

    static let folderEntries = [
        DiffStatEntry(name: Array("{S => T}/a_rather_long_file_name_that_goes_on_and_on_and_on_and_on_and_on_forever.txt".utf8), added: 2, deleted: 1),
        DiffStatEntry(name: Array("{S => T}/big".utf8), added: 0, deleted: 997),
        DiffStatEntry(name: Array("{S => T}/bin".utf8), added: 0, deleted: 0, binarySizes: (3, 4)),
        DiffStatEntry(name: Array("{S => T}/m".utf8), added: 5, deleted: 4),
        DiffStatEntry(name: Array("{S => T}/short".utf8), added: 0, deleted: 150),
        DiffStatEntry(name: Array("{S => T}/x".utf8), added: 0, deleted: 997),
        DiffStatEntry(name: Array("{S => T}/y".utf8), added: 997, deleted: 0),
    ]

    @Test func widthNameWidthAndCount() {
        // `git diff --no-index --stat=100,20,2 S T` (git 2.39, run by hand).
        let expected = " ...nd_on_forever.txt |   3 +-\n"
            + " {S => T}/big         | 997 " + String(repeating: "-", count: 71) + "\n"
            + " ...\n"
            + " 7 files changed, 1004 insertions(+), 2149 deletions(-)\n"
        #expect(String(decoding: DiffStat.stat(Self.folderEntries, width: 100, nameWidth: 20, count: 2), as: UTF8.self) == expected)
    }

    @Test func graphWidthLimit() {
        // `git diff --no-index --stat-graph-width=3 S/m T/m` printed "9 ++-".
        let out = DiffStat.stat([DiffStatEntry(name: Array("{S => T}/m".utf8), added: 5, deleted: 4)], graphWidth: 3)
        #expect(String(decoding: out, as: UTF8.self) == " {S => T}/m | 9 ++-\n 1 file changed, 5 insertions(+), 4 deletions(-)\n")
    }
}
