import ArgumentParser
import PfadRepository

/// `pfad fsck`: verify every object's hash and structure and that nothing
/// reachable is missing.
struct FsckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fsck",
        abstract: "Verify the objects' hashes and structure and the repository's connectivity.")

    @Flag(help: "Treat the checks git makes stricter under --strict as errors.")
    var strict = false

    @Flag(name: .customLong("no-dangling"), help: "Do not list unreachable objects.")
    var noDangling = false

    func run() throws {
        let repository = try CommandContext.repository()
        let findings = try FsckOperation(repository).run(strict: strict, reportDangling: !noDangling)
        var code: Int32 = 0
        for finding in findings {
            switch finding.severity {
            case .info: Output.standard.line(finding.line)
            case .warning, .error:
                Output.standard.flush()
                Diagnostics.raw(finding.line)
            }
            code |= finding.exitBit
        }
        if code != 0 { throw CommandExit(code) }
    }
}
