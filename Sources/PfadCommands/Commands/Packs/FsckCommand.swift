import ArgumentParser
import PfadRepository

/// `pfad fsck`: verify every object's hash and structure and that nothing
/// reachable is missing.
struct FsckCommand: PfadCommand {
    static let configuration = CommandConfiguration(
        commandName: "fsck",
        abstract: "Verify the objects' hashes and structure and the repository's connectivity.")

    @Flag(help: "Treat the checks git makes stricter under --strict as errors.")
    var strict = false

    @Flag(name: .customLong("no-dangling"), help: "Do not list unreachable objects.")
    var noDangling = false

    func run(_ io: CommandIO) throws {
        let repository = try CommandContext.repository(io)
        let findings = try FsckOperation(repository).run(strict: strict, reportDangling: !noDangling)
        var code: Int32 = 0
        for finding in findings {
            switch finding.severity {
            case .info: io.out.line(finding.line)
            case .warning, .error:
                io.out.flush()
                io.raw(finding.line)
            }
            code |= finding.exitBit
        }
        if code != 0 { throw CommandExit(code) }
    }
}
