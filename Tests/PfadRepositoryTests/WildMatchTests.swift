import Testing

@testable import PfadRepository

@Suite struct WildMatchTests {
    /// (text, pattern, expected) where expected holds four digits for the flag
    /// combinations [.pathname], [.pathname, .casefold], [], [.casefold].
    /// The table is git's own expectation list for wildmatch (t/t3070-wildmatch.sh
    /// in git 2.39, columns glob, iglob, pathmatch, ipathmatch), copied as data;
    /// a sample of the pathname cases was re-checked by hand with
    /// `git check-ignore --no-index` (see IgnoreRulesTests).
    static let table: [(String, String, String)] = [
        ("foo", "foo", "1111"),
        ("foo", "bar", "0000"),
        ("", "", "1111"),
        ("foo", "???", "1111"),
        ("foo", "??", "0000"),
        ("foo", "*", "1111"),
        ("foo", "f*", "1111"),
        ("foo", "*f", "0000"),
        ("foo", "*foo*", "1111"),
        ("foobar", "*ob*a*r*", "1111"),
        ("aaaaaaabababab", "*ab", "1111"),
        ("foo*", #"foo\*"#, "1111"),
        ("foobar", #"foo\*bar"#, "0000"),
        (#"f\oo"#, #"f\\oo"#, "1111"),
        ("ball", "*[al]?", "1111"),
        ("ten", "[ten]", "0000"),
        ("ten", "**[!te]", "1111"),
        ("ten", "**[!ten]", "0000"),
        ("ten", "t[a-g]n", "1111"),
        ("ten", "t[!a-g]n", "0000"),
        ("ton", "t[!a-g]n", "1111"),
        ("ton", "t[^a-g]n", "1111"),
        ("a]b", "a[]]b", "1111"),
        ("a-b", "a[]-]b", "1111"),
        ("a]b", "a[]-]b", "1111"),
        ("aab", "a[]-]b", "0000"),
        ("aab", "a[]a-]b", "1111"),
        ("]", "]", "1111"),
        ("foo/baz/bar", "foo*bar", "0011"),
        ("foo/baz/bar", "foo**bar", "0011"),
        ("foobazbar", "foo**bar", "1111"),
        ("foo/baz/bar", "foo/**/bar", "1111"),
        ("foo/baz/bar", "foo/**/**/bar", "1100"),
        ("foo/b/a/z/bar", "foo/**/bar", "1111"),
        ("foo/b/a/z/bar", "foo/**/**/bar", "1111"),
        ("foo/bar", "foo/**/bar", "1100"),
        ("foo/bar", "foo/**/**/bar", "1100"),
        ("foo/bar", "foo?bar", "0011"),
        ("foo/bar", "foo[/]bar", "0011"),
        ("foo/bar", "foo[^a-z]bar", "0011"),
        ("foo/bar", "f[^eiu][^eiu][^eiu][^eiu][^eiu]r", "0011"),
        ("foo-bar", "f[^eiu][^eiu][^eiu][^eiu][^eiu]r", "1111"),
        ("foo", "**/foo", "1100"),
        ("XXX/foo", "**/foo", "1111"),
        ("bar/baz/foo", "**/foo", "1111"),
        ("bar/baz/foo", "*/foo", "0011"),
        ("foo/bar/baz", "**/bar*", "0011"),
        ("deep/foo/bar/baz", "**/bar/*", "1111"),
        ("deep/foo/bar/baz/", "**/bar/*", "0011"),
        ("deep/foo/bar/baz/", "**/bar/**", "1111"),
        ("deep/foo/bar", "**/bar/*", "0000"),
        ("deep/foo/bar/", "**/bar/**", "1111"),
        ("foo/bar/baz", "**/bar**", "0011"),
        ("foo/bar/baz/x", "*/bar/**", "1111"),
        ("deep/foo/bar/baz/x", "*/bar/**", "0011"),
        ("deep/foo/bar/baz/x", "**/bar/*/*", "1111"),
        ("acrt", "a[c-c]st", "0000"),
        ("acrt", "a[c-c]rt", "1111"),
        ("]", "[!]-]", "0000"),
        ("a", "[!]-]", "1111"),
        ("", #"\"#, "0000"),
        (#"\"#, #"\"#, "0000"),
        (#"XXX/\"#, #"*/\"#, "0000"),
        (#"XXX/\"#, #"*/\\"#, "1111"),
        ("foo", "foo", "1111"),
        ("@foo", "@foo", "1111"),
        ("foo", "@foo", "0000"),
        ("[ab]", #"\[ab]"#, "1111"),
        ("[ab]", "[[]ab]", "1111"),
        ("[ab]", "[[:]ab]", "1111"),
        ("[ab]", "[[::]ab]", "0000"),
        ("[ab]", "[[:digit]ab]", "1111"),
        ("[ab]", #"[\[:]ab]"#, "1111"),
        ("?a?b", #"\??\?b"#, "1111"),
        ("abc", #"\a\b\c"#, "1111"),
        ("foo", "", "0000"),
        ("foo/bar/baz/to", "**/t[o]", "1111"),
        ("a1B", "[[:alpha:]][[:digit:]][[:upper:]]", "1111"),
        ("a", "[[:digit:][:upper:][:space:]]", "0101"),
        ("A", "[[:digit:][:upper:][:space:]]", "1111"),
        ("1", "[[:digit:][:upper:][:space:]]", "1111"),
        ("1", "[[:digit:][:upper:][:spaci:]]", "0000"),
        (" ", "[[:digit:][:upper:][:space:]]", "1111"),
        (".", "[[:digit:][:upper:][:space:]]", "0000"),
        (".", "[[:digit:][:punct:][:space:]]", "1111"),
        ("5", "[[:xdigit:]]", "1111"),
        ("f", "[[:xdigit:]]", "1111"),
        ("D", "[[:xdigit:]]", "1111"),
        ("_", "[[:alnum:][:alpha:][:blank:][:cntrl:][:digit:][:graph:][:lower:][:print:][:punct:][:space:][:upper:][:xdigit:]]", "1111"),
        (".", "[^[:alnum:][:alpha:][:blank:][:cntrl:][:digit:][:lower:][:space:][:upper:][:xdigit:]]", "1111"),
        ("5", "[a-c[:digit:]x-z]", "1111"),
        ("b", "[a-c[:digit:]x-z]", "1111"),
        ("y", "[a-c[:digit:]x-z]", "1111"),
        ("q", "[a-c[:digit:]x-z]", "0000"),
        ("]", #"[\\-^]"#, "1111"),
        ("[", #"[\\-^]"#, "0000"),
        ("-", #"[\-_]"#, "1111"),
        ("]", #"[\]]"#, "1111"),
        (#"\]"#, #"[\]]"#, "0000"),
        (#"\"#, #"[\]]"#, "0000"),
        ("ab", "a[]b", "0000"),
        ("a[]b", "a[]b", "0000"),
        ("ab[", "ab[", "0000"),
        ("ab", "[!", "0000"),
        ("ab", "[-", "0000"),
        ("-", "[-]", "1111"),
        ("-", "[a-", "0000"),
        ("-", "[!a-", "0000"),
        ("-", "[--A]", "1111"),
        ("5", "[--A]", "1111"),
        (" ", "[ --]", "1111"),
        ("$", "[ --]", "1111"),
        ("-", "[ --]", "1111"),
        ("0", "[ --]", "0000"),
        ("-", "[---]", "1111"),
        ("-", "[------]", "1111"),
        ("j", "[a-e-n]", "0000"),
        ("-", "[a-e-n]", "1111"),
        ("a", "[!------]", "1111"),
        ("[", "[]-a]", "0000"),
        ("^", "[]-a]", "1111"),
        ("^", "[!]-a]", "0000"),
        ("[", "[!]-a]", "1111"),
        ("^", "[a^bc]", "1111"),
        ("-b]", "[a-]b]", "1111"),
        (#"\"#, #"[\]"#, "0000"),
        (#"\"#, #"[\\]"#, "1111"),
        (#"\"#, #"[!\\]"#, "0000"),
        ("G", #"[A-\\]"#, "1111"),
        ("aaabbb", "b*a", "0000"),
        ("aabcaa", "*ba*", "0000"),
        (",", "[,]", "1111"),
        (",", #"[\\,]"#, "1111"),
        (#"\"#, #"[\\,]"#, "1111"),
        ("-", "[,-.]", "1111"),
        ("+", "[,-.]", "0000"),
        ("-.]", "[,-.]", "0000"),
        ("2", #"[\1-\3]"#, "1111"),
        ("3", #"[\1-\3]"#, "1111"),
        ("4", #"[\1-\3]"#, "0000"),
        (#"\"#, #"[[-\]]"#, "1111"),
        ("[", #"[[-\]]"#, "1111"),
        ("]", #"[[-\]]"#, "1111"),
        ("-", #"[[-\]]"#, "0000"),
        ("-adobe-courier-bold-o-normal--12-120-75-75-m-70-iso8859-1", "-*-*-*-*-*-*-12-*-*-*-m-*-*-*", "1111"),
        ("-adobe-courier-bold-o-normal--12-120-75-75-X-70-iso8859-1", "-*-*-*-*-*-*-12-*-*-*-m-*-*-*", "0000"),
        ("-adobe-courier-bold-o-normal--12-120-75-75-/-70-iso8859-1", "-*-*-*-*-*-*-12-*-*-*-m-*-*-*", "0000"),
        ("XXX/adobe/courier/bold/o/normal//12/120/75/75/m/70/iso8859/1", "XXX/*/*/*/*/*/*/12/*/*/*/m/*/*/*", "1111"),
        ("XXX/adobe/courier/bold/o/normal//12/120/75/75/X/70/iso8859/1", "XXX/*/*/*/*/*/*/12/*/*/*/m/*/*/*", "0000"),
        ("abcd/abcdefg/abcdefghijk/abcdefghijklmnop.txt", "**/*a*b*g*n*t", "1111"),
        ("abcd/abcdefg/abcdefghijk/abcdefghijklmnop.txtz", "**/*a*b*g*n*t", "0000"),
        ("foo", "*/*/*", "0000"),
        ("foo/bar", "*/*/*", "0000"),
        ("foo/bba/arr", "*/*/*", "1111"),
        ("foo/bb/aa/rr", "*/*/*", "0011"),
        ("foo/bb/aa/rr", "**/**/**", "1111"),
        ("abcXdefXghi", "*X*i", "1111"),
        ("ab/cXd/efXg/hi", "*X*i", "0011"),
        ("ab/cXd/efXg/hi", "*/*X*/*/*i", "1111"),
        ("ab/cXd/efXg/hi", "**/*X*/**/*i", "1111"),
        ("foo", "fo", "0000"),
        ("foo/bar", "foo/bar", "1111"),
        ("foo/bar", "foo/*", "1111"),
        ("foo/bba/arr", "foo/*", "0011"),
        ("foo/bba/arr", "foo/**", "1111"),
        ("foo/bba/arr", "foo*", "0011"),
        ("foo/bba/arr", "foo**", "0011"),
        ("foo/bba/arr", "foo/*arr", "0011"),
        ("foo/bba/arr", "foo/**arr", "0011"),
        ("foo/bba/arr", "foo/*z", "0000"),
        ("foo/bba/arr", "foo/**z", "0000"),
        ("foo/bar", "foo?bar", "0011"),
        ("foo/bar", "foo[/]bar", "0011"),
        ("foo/bar", "foo[^a-z]bar", "0011"),
        ("ab/cXd/efXg/hi", "*Xg*i", "0011"),
        ("a", "[A-Z]", "0101"),
        ("A", "[A-Z]", "1111"),
        ("A", "[a-z]", "0101"),
        ("a", "[a-z]", "1111"),
        ("a", "[[:upper:]]", "0101"),
        ("A", "[[:upper:]]", "1111"),
        ("A", "[[:lower:]]", "0101"),
        ("a", "[[:lower:]]", "1111"),
        ("A", "[B-Za]", "0101"),
        ("a", "[B-Za]", "1111"),
        ("A", "[B-a]", "0101"),
        ("a", "[B-a]", "1111"),
        ("z", "[Z-y]", "0101"),
        ("Z", "[Z-y]", "1111"),
    ]

    @Test func gitWildmatchTable() {
        let combinations: [WildMatch.Flags] = [[.pathname], [.pathname, .casefold], [], [.casefold]]
        var failures: [String] = []
        for (text, pattern, expected) in Self.table {
            for (column, flags) in combinations.enumerated() {
                let want = Array(expected)[column] == "1"
                let got = WildMatch.match(pattern: Array(pattern.utf8), text: Array(text.utf8), flags: flags)
                if got != want { failures.append("'\(text)' ~ '\(pattern)' flags \(flags.rawValue): expected \(want)") }
            }
        }
        #expect(failures == [])
        #expect(Self.table.count == 189)
    }

    @Test func nonASCIIBytesMatchAsBytes() {
        let text = Array("Leitfäden/Über uns.md".utf8)
        #expect(WildMatch.match(pattern: Array("Leitf?den/*".utf8), text: text, flags: .pathname) == false)  // ä is two bytes
        #expect(WildMatch.match(pattern: Array("Leitf??den/*".utf8), text: text, flags: .pathname))
        #expect(WildMatch.match(pattern: Array("**/Über*".utf8), text: text, flags: .pathname))
        // casefold is ASCII-only: Ü does not fold to ü.
        #expect(WildMatch.match(pattern: Array("**/über*".utf8), text: text, flags: [.pathname, .casefold]) == false)
    }

    @Test func pathologicalPatternsStayFast() {
        let text = [UInt8](repeating: 0x61, count: 200) + [0x62]
        let pattern = Array(String(repeating: "*a", count: 30).utf8) + [0x63]
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(WildMatch.match(pattern: pattern, text: text, flags: []) == false)
        }
        #expect(elapsed < .seconds(1))
    }

    @Test func compiledPatternIsReusable() {
        let pattern = WildPattern(Array("docs/**/*.md".utf8), flags: .pathname)
        #expect(pattern.matches(Array("docs/a.md".utf8)))
        #expect(pattern.matches(Array("docs/x/y/a.md".utf8)))
        #expect(!pattern.matches(Array("docs/a.txt".utf8)))
        #expect(!pattern.matches(Array("x/docs/a.md".utf8)))
    }
}
