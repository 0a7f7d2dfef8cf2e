import Foundation
import Testing

@testable import PfadRepository

@Suite struct IgnoreRulesTests {
    /// The ignore files of a scenario that was built once by hand in /dev/shm
    /// and queried with `git check-ignore --no-index -v --non-matching` (git 2.39.5);
    /// `expectations` below are git's answers.
    static let rootIgnore =
        "# Kommentar\n*.log\n!wichtig.log\n/build/\ntmp/\n!tmp/keep.txt\ndoc/*.pdf\n**/cache\ntrailing\\ \nspaced   \n"
        + "\\#hash\n\\!bang\nLeitfäden/entwurf/\nabc/**\na/**/z\nonlydir/\r\n"
    static let subIgnore = "!debug.log\n/local.txt\nnested/deep.txt\n"
    static let deeperIgnore = "*.log\n"
    static let infoExclude = "!special.bak\n"
    static let globalExcludes = "*.swp\n*.bak\n"

    /// (path, isDirectory, ignored) as `git check-ignore` decided.
    static let expectations: [(String, Bool, Bool)] = [
        ("app.log", false, true),
        ("wichtig.log", false, false),
        ("sub/wichtig.log", false, false),
        ("sub/debug.log", false, false),  // sub/.gitignore "!debug.log" beats the root "*.log"
        ("sub/deeper/debug.log", false, true),  // and sub/deeper/.gitignore beats that again
        ("build", true, true),
        ("build/out.o", false, true),
        ("sub/build", true, false),  // "/build/" is anchored to the top
        ("sub/build/out.o", false, false),
        ("tmp", true, true),
        ("tmp/a.txt", false, true),
        ("tmp/keep.txt", false, true),  // cannot re-include below an ignored directory
        ("sub/tmp", true, true),
        ("sub/tmp/x", false, true),
        ("doc/a.pdf", false, true),
        ("doc/x/b.pdf", false, false),  // "*" does not cross "/"
        ("sub/doc/a.pdf", false, false),  // a middle slash anchors the pattern
        ("cache", true, true),
        ("cache/x", false, true),
        ("deep/er/cache", true, true),
        ("deep/er/cache/y", false, true),
        ("trailing ", false, true),  // escaped trailing space kept
        ("trailing", false, false),
        ("spaced", false, true),  // unescaped trailing spaces dropped
        ("#hash", false, true),
        ("!bang", false, true),
        ("Leitfäden/entwurf", true, true),
        ("Leitfäden/entwurf/e.md", false, true),
        ("Leitfäden/final.md", false, false),
        ("abc", true, false),  // "abc/**" matches inside, not abc itself
        ("abc/x", false, true),
        ("abc/y/z", false, true),
        ("a/z", false, true),  // "/**/" matches zero directories
        ("a/b/c/z", false, true),
        ("a/b/zz", false, false),
        ("x.swp", false, true),  // core.excludesFile
        ("x.bak", false, true),
        ("special.bak", false, false),  // info/exclude beats core.excludesFile
        ("sub/special.bak", false, false),
        ("sub/local.txt", false, true),
        ("local.txt", false, false),
        ("sub/x/local.txt", false, false),
        ("sub/nested/deep.txt", false, true),
        ("nested/deep.txt", false, false),
        ("onlydir", true, true),  // CRLF line ending stripped
        ("onlydir/f", false, true),
        ("sub/onlydir", false, false),  // a file does not match "onlydir/"
        ("onlyfile/onlydir", false, false),
        ("README.md", false, false),
    ]

    static func makeScenario() throws -> (root: String, rules: IgnoreRules) {
        let root = try ScratchDirectory.make(prefix: "pfad-ignore")
        try ScratchDirectory.write(root, ".gitignore", rootIgnore)
        try ScratchDirectory.write(root, "sub/.gitignore", subIgnore)
        try ScratchDirectory.write(root, "sub/deeper/.gitignore", deeperIgnore)
        try ScratchDirectory.write(root, ".git/info/exclude", infoExclude)
        try ScratchDirectory.write(root, "global-excludes", globalExcludes)
        let rules = IgnoreRules(workTree: root, gitDirectory: root + "/.git", excludesFile: root + "/global-excludes")
        return (root, rules)
    }

    @Test func matchesGitCheckIgnore() throws {
        let (root, rules) = try Self.makeScenario()
        defer { ScratchDirectory.remove(root) }
        var wrong: [String] = []
        for (path, isDirectory, ignored) in Self.expectations
        where rules.isIgnored(Array(path.utf8), isDirectory: isDirectory) != ignored {
            wrong.append(path)
        }
        #expect(wrong == [])
    }

    @Test func patternLineParsing() throws {
        let negated = try #require(IgnorePattern(line: Array("!/doc/".utf8)))
        #expect(negated.isNegated && negated.isDirectoryOnly && !negated.matchesBasename)
        let basename = try #require(IgnorePattern(line: Array("*.o".utf8)))
        #expect(basename.matchesBasename && !basename.isNegated && !basename.isDirectoryOnly)
        #expect(IgnorePattern(line: Array("# comment".utf8)) == nil)
        #expect(IgnorePattern(line: Array("   ".utf8)) == nil)
        #expect(IgnorePattern(line: []) == nil)
        #expect(IgnorePattern(line: Array("!".utf8)) == nil)
        // gitignore.txt: trailing spaces are ignored unless quoted with backslash.
        #expect(IgnorePattern.trimTrailingSpaces(Array("a\\  ".utf8)) == Array("a\\ ".utf8))
        #expect(IgnorePattern.trimTrailingSpaces(Array("a b  ".utf8)) == Array("a b".utf8))
        let bom = IgnorePatternList(content: [0xEF, 0xBB, 0xBF] + Array("x\n\n#y\nz".utf8))
        #expect(bom.patterns.map(\.line) == [Array("x".utf8), Array("z".utf8)])
    }

    @Test func symlinkedGitignoreIsNotFollowed() throws {
        let root = try ScratchDirectory.make(prefix: "pfad-ignore")
        defer { ScratchDirectory.remove(root) }
        try ScratchDirectory.write(root, "elsewhere", "*.md\n")
        try FileManager.default.createSymbolicLink(atPath: root + "/.gitignore", withDestinationPath: "elsewhere")
        let rules = IgnoreRules(workTree: root, gitDirectory: root + "/.git", excludesFile: nil)
        #expect(!rules.isIgnored(Array("a.md".utf8), isDirectory: false))
    }

    @Test func ignoreCaseOption() throws {
        let root = try ScratchDirectory.make(prefix: "pfad-ignore")
        defer { ScratchDirectory.remove(root) }
        try ScratchDirectory.write(root, ".gitignore", "*.LOG\nBuild/\n")
        let strict = IgnoreRules(workTree: root, gitDirectory: root + "/.git", excludesFile: nil)
        let folded = IgnoreRules(workTree: root, gitDirectory: root + "/.git", excludesFile: nil, ignoreCase: true)
        #expect(!strict.isIgnored(Array("a.log".utf8), isDirectory: false))
        #expect(folded.isIgnored(Array("a.log".utf8), isDirectory: false))
        #expect(folded.isIgnored(Array("build/x".utf8), isDirectory: false))
    }

    @Test func missingFilesMeanNoRules() throws {
        let root = try ScratchDirectory.make(prefix: "pfad-ignore")
        defer { ScratchDirectory.remove(root) }
        let rules = IgnoreRules(workTree: root, gitDirectory: root + "/.git", excludesFile: root + "/absent")
        #expect(!rules.isIgnored(Array("anything".utf8), isDirectory: false))
    }
}
