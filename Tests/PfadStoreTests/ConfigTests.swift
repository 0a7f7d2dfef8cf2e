import Testing
@testable import PfadStore

@Suite struct ConfigTests {
    /// Expected values below come from `git config -f <file> --get/--list`
    /// (git 2.39) run by hand on exactly this text.
    static let sample = [UInt8](
        """
        # Kommentar
        [core]
        \tbare = false ; inline
        \tEditor = "vim  -f"   # quoted, two spaces
        \tfoo
        \tleer =
        \tpfad = C:\\\\temp\\\\x
        \tzeile = eins\\n\\tzwei\\b
        \tlang = anfang \\
        fortsetzung
        \tmulti = a
        [remote "Grüße Olpe"]
        \turl = https://example.org/ölpe.git
        \tfetch = +refs/heads/*:refs/remotes/origin/*
        [Branch.Feature]
        \tRemote = origin
        [core]
        \tmulti = b
        \tsize = 10k
        \tneg = -2m
        \tspaces = a   b   c   
        \tmixed = "  x"y" z "

        """)

    @Test func readsValuesLikeGit() throws {
        let config = try Config.parse(Self.sample, origin: "c")
        #expect(config.get("core.bare") == "false")
        #expect(config.get("CORE.Editor") == "vim  -f")
        #expect(config.get("core.foo") == "")
        #expect(config.get("core.leer") == "")
        #expect(config.get("core.pfad") == "C:\\temp\\x")
        #expect(config.get("core.zeile") == "eins\n\tzwei\u{8}")
        #expect(config.get("core.lang") == "anfang fortsetzung")
        #expect(config.get("core.multi") == "b")
        #expect(config.getAll("core.multi") == ["a", "b"])
        #expect(config.get("remote.Grüße Olpe.url") == "https://example.org/ölpe.git")
        #expect(config.get("remote.grüße olpe.url") == nil)  // subsections are case-sensitive
        #expect(config.get("branch.feature.remote") == "origin")  // legacy form, lower-cased
        #expect(config.get("branch.Feature.remote") == nil)
        #expect(config.get("core.spaces") == "a   b   c")
        #expect(config.get("core.mixed") == "  xy z ")
        #expect(config.get("core.missing") == nil)
        #expect(config.get("nodot") == nil)
    }

    @Test func typedValues() throws {
        let config = try Config.parse(Self.sample, origin: "c")
        #expect(try config.getInt("core.size") == 10240)
        #expect(try config.getInt("core.neg") == -2_097_152)
        #expect(try config.getBool("core.foo") == true)
        #expect(try config.getBool("core.leer") == false)
        #expect(try config.getBool("core.bare") == false)
        #expect(try config.getBool("core.missing") == nil)
        #expect(throws: StoreError.invalidConfigValue(key: "core.editor", value: "vim  -f", kind: "boolean", origin: "c")) {
            _ = try config.getBool("core.editor")
        }
        #expect(throws: StoreError.self) { _ = try config.getInt("core.editor") }
        let more = try Config.parse([UInt8]("[a]\n\tx = YES\n\ty = off\n\tz = 2\n\tg = 1g\n\tbig = 99999999999g\n"), origin: "m")
        #expect(try more.getBool("a.x") == true)
        #expect(try more.getBool("a.y") == false)
        #expect(try more.getBool("a.z") == true)
        #expect(try more.getInt("a.g") == 1 << 30)
        #expect(throws: StoreError.self) { _ = try more.getInt("a.big") }
    }

    @Test func listsEntriesLikeGitConfigList() throws {
        let config = try Config.parse(Self.sample, origin: "c")
        let keys = config.entries.map(\.key)
        #expect(keys.prefix(5) == ["core.bare", "core.editor", "core.foo", "core.leer", "core.pfad"])
        #expect(keys.contains("remote.Grüße Olpe.fetch"))
        #expect(keys.contains("branch.feature.remote"))
        #expect(config.entries[2].value == nil)
    }

    @Test func serialisationIsByteExact() throws {
        let config = try Config.parse(Self.sample, origin: "c")
        #expect(config.serialized() == Self.sample)
        let odd = [UInt8]("\u{FEFF}[a] x = 1 ; c\r\n[b \"q\\\"uote\"]  # h\n\ty\n")
        #expect(try Config.parse(odd, origin: "o").serialized() == odd)
        #expect(try Config.parse(odd, origin: "o").get("a.x") == "1")
        #expect(try Config.parse(odd, origin: "o").getBool("b.q\"uote.y") == true)
    }

    @Test func syntaxErrorsNameTheLine() {
        let cases: [(String, Int)] = [
            ("[core\n", 1), ("[core]\n\tx = \"open\n", 2), ("[core]\n\tx = a\\q\n", 2), ("x = 1\n", 1),
            ("[core]\n\t1x = 2\n", 2), ("[core]\n\tx y\n", 2), ("[a \"b]\n", 1),
        ]
        for (text, line) in cases {
            #expect(throws: StoreError.configSyntax(origin: "f", line: line), "\(text)") {
                _ = try Config.parse([UInt8](text), origin: "f")
            }
        }
        #expect(StoreError.configSyntax(origin: ".git/config", line: 3).description == "bad config line 3 in file .git/config")
    }

    @Test func setAddAndUnsetFormatLikeGit() throws {
        var config = try Config.parse(
            [UInt8]("# Südwestfalen\n[core]\n\tbare = false ; inline\n[remote \"origin\"]\n\turl = a\n\n# Ende\n[user]\n\tname = Anna"),
            origin: "s")
        try config.set("core.bare", "true")
        try config.set("remote.origin.fetch", "+refs/heads/*:refs/remotes/origin/*")
        try config.set("remote.Grüße.url", "x;y")
        try config.set("user.email", "a@b")
        try config.add("core.multi", "eins")
        try config.add("core.multi", "zwei")
        // Output of the same `git config -f s ...` commands, captured with `cat`.
        let afterSet = [UInt8](
            """
            # Südwestfalen
            [core]
            \tbare = true
            \tmulti = eins
            \tmulti = zwei
            [remote "origin"]
            \turl = a
            \tfetch = +refs/heads/*:refs/remotes/origin/*

            # Ende
            [user]
            \tname = Anna
            \temail = a@b
            [remote "Grüße"]
            \turl = "x;y"

            """)
        #expect(config.serialized() == afterSet)
        #expect(try config.unset("core.multi") == 2)
        let afterUnset = [UInt8](
            String(decoding: afterSet, as: UTF8.self).replacingOccurrences(of: "\tmulti = eins\n\tmulti = zwei\n", with: ""))
        #expect(config.serialized() == afterUnset)
        #expect(try Config.parse(config.serialized(), origin: "s").get("remote.Grüße.url") == "x;y")
    }

    @Test func quotingAndEscapingOnWrite() throws {
        var config = Config(origin: "new")
        // `git config Remote.Hallo.URL ' x#y"z\w<TAB>t'` wrote this line (git 2.39).
        try config.set("Remote.Hallo.URL", " x#y\"z\\w\tt")
        try config.set("core.umlaut", "Grüße aus Menden")
        #expect(config.serialized() == [UInt8]("[Remote \"Hallo\"]\n\tURL = \" x#y\\\"z\\\\w\\tt\"\n[core]\n\tumlaut = Grüße aus Menden\n"))
        let reread = try Config.parse(config.serialized(), origin: "new")
        #expect(reread.get("remote.Hallo.url") == " x#y\"z\\w\tt")
        #expect(reread.get("core.umlaut") == "Grüße aus Menden")
        #expect(throws: StoreError.invalidConfigKey("nosection")) { try config.set("nosection", "x") }
        #expect(throws: StoreError.invalidConfigKey("core.1x")) { try config.set("core.1x", "x") }
    }
}
