import Testing
@testable import PfadStore

/// `Config.parsePrefix`, the reading fsck uses for `.gitmodules`. What
/// counts as read is what `git config -f <file> --list` (git 2.39) prints
/// before it stops: `garbage\n[s "x"]\n\tk = v\n` lists `garbage` and
/// `s.x.k=v`.
@Suite struct ConfigParsePrefixTests {
    static func names(_ config: Config) -> [String] {
        config.variables.map { v in
            String(decoding: v.section + (v.subsection.map { [0x2E] + $0 } ?? []) + [0x2E] + v.name, as: UTF8.self)
        }
    }

    @Test func keepsTheVariablesBeforeASyntaxError() {
        let (config, error) = Config.parsePrefix(Array("[submodule \"a\"]\n\turl = -x\n[broken\n\tpath = p\n".utf8), origin: "blob")
        #expect(error != nil)
        #expect(Self.names(config) == ["submodule.a.url"])
        #expect(config.variables.first?.value == Array("-x".utf8))
    }

    @Test func readsVariablesBeforeTheFirstSection() {
        let (config, error) = Config.parsePrefix(Array("garbage\n[s \"x\"]\n\tk = v\n".utf8), origin: "blob")
        #expect(error == nil)
        #expect(Self.names(config) == [".garbage", "s.x.k"])
        // The ordinary parser stays strict about it.
        #expect(throws: StoreError.self) { try Config.parse(Array("garbage\n".utf8), origin: "file") }
    }

    @Test func parsesWholeFilesLikeParse() throws {
        let text = Array("[core]\n\tbare = false\n[remote \"origin\"]\n\turl = /srv/x.git\n".utf8)
        let (config, error) = Config.parsePrefix(text, origin: "file")
        #expect(error == nil)
        #expect(config == (try Config.parse(text, origin: "file")))
    }
}
