import PfadObjects
import PfadStore

/// fsck's rules for the contents of a blob that a tree names `.gitmodules`
/// (any spelling `SpecialFileName.gitmodules` matches, not a symbolic
/// link), shared by `FsckOperation` and the push receiver. The blob is read
/// as git config up to its first syntax error; every
/// `submodule.<name>.<key>` variable read is checked, as git 2.39 does:
/// - `gitmodulesName`: `<name>` empty or with a `..` component (separators
///   `/` and `\`);
/// - `gitmodulesUrl`: a `url` that `SubmoduleURL` refuses;
/// - `gitmodulesPath`: a `path` starting with `-`;
/// - `gitmodulesUpdate`: an `update` command (`!…`);
/// - `gitmodulesParse` (informational) when the text does not parse.
public enum GitmodulesCheck {
    /// The findings for one `.gitmodules` blob, in the order git reports
    /// them; empty when it is clean. O(size of `content`).
    public static func findings(in content: [UInt8], strict: Bool) -> [FsckFinding] {
        let (config, error) = Config.parsePrefix(content, origin: ".gitmodules")
        var findings: [FsckFinding] = []
        func report(_ id: String, _ message: String, _ bytes: [UInt8]) {
            findings.append(FsckFinding(id: id, message: message + String(decoding: bytes, as: UTF8.self), strict: strict))
        }
        for variable in config.variables where variable.section == Self.submodule {
            guard let name = variable.subsection else { continue }
            if !isAllowedName(name) { report("gitmodulesName", "disallowed submodule name: ", name) }
            guard let value = variable.value else { continue }
            switch variable.name {
            case Self.url where !SubmoduleURL.isAllowed(value):
                report("gitmodulesUrl", "disallowed submodule url: ", value)
            case Self.path where value.first == UInt8(ascii: "-"):
                report("gitmodulesPath", "disallowed submodule path: ", value)
            case Self.update where value.first == UInt8(ascii: "!"):
                report("gitmodulesUpdate", "disallowed submodule update setting: ", value)
            default:
                break
            }
        }
        if error != nil {
            findings.append(FsckFinding(id: "gitmodulesParse", message: "could not parse gitmodules blob", strict: strict))
        }
        return findings
    }

    /// False for an empty submodule name or one with a `..` component.
    public static func isAllowedName(_ name: [UInt8]) -> Bool {
        guard !name.isEmpty else { return false }
        let components = name.split(omittingEmptySubsequences: false) { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") }
        return !components.contains { $0.elementsEqual("..".utf8) }
    }

    private static let submodule = Array("submodule".utf8)
    private static let url = Array("url".utf8)
    private static let path = Array("path".utf8)
    private static let update = Array("update".utf8)
}
