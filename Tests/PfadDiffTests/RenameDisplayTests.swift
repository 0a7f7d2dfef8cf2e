import Testing
@testable import PfadDiff

@Suite struct RenameDisplayTests {
    // Forms printed by git 2.39 in `--stat`/`--numstat`.
    @Test(arguments: [
        ("A/x", "B/x", "{A => B}/x"),
        ("a.txt", "b.txt", "a.txt => b.txt"),
        ("P/a/b", "/dev/null", "P/a/b => /dev/null"),
        ("docs/old.md", "docs/new.md", "docs/{old.md => new.md}"),
        ("same", "same", "same"),
    ])
    func format(old: String, new: String, expected: String) {
        let out = RenameDisplay.format(old: Array(old.utf8), new: Array(new.utf8))
        #expect(String(decoding: out, as: UTF8.self) == expected)
    }
}
