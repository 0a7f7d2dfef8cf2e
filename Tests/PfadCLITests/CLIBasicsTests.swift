import Foundation
import Testing

@Suite struct CLIBasicsTests {
    @Test func unknownCommandIsAUsageError() throws {
        let runner = try CommandRunner()
        // git: one line, then its closest commands; exit 1.
        let result = try runner.pfad(["stauts"], in: runner.home)
        let git = try runner.git(["stauts"], in: runner.home)
        #expect(result.status == 1)
        #expect(result.status == git.status)
        #expect(result.err == git.err.replacingOccurrences(of: "git", with: "pfad"))
        let nothing = try runner.pfad(["zzzzzzzzzz"], in: runner.home)
        #expect(nothing.status == 1)
        #expect(nothing.err == "pfad: 'zzzzzzzzzz' is not a pfad command. See 'pfad --help'.\n")
    }

    @Test func helpIsShownForEveryCommand() throws {
        let runner = try CommandRunner()
        let overview = try runner.pfad(["--help"], in: runner.home)
        let names = overview.out.split(separator: "\n").drop { !$0.hasPrefix("SUBCOMMANDS") }.dropFirst()
            .compactMap { line -> String? in
                let word = line.split(separator: " ").first.map(String.init) ?? ""
                return line.hasPrefix("  ") && !line.hasPrefix("   ") && word.first?.isLowercase == true ? word : nil
            }
        #expect(names.count > 40)
        for command in names {
            for flag in ["-h", "--help"] {
                let result = try runner.pfad([command, flag], in: runner.home)
                #expect(result.status == 0, "\(command) \(flag)")
                #expect(result.out.contains("USAGE: pfad \(command)"), "\(command) \(flag)")
            }
        }
    }

    @Test func helpListsCommands() throws {
        let runner = try CommandRunner()
        let result = try runner.pfad(["--help"], in: runner.home)
        #expect(result.status == 0)
        #expect(result.out.contains("USAGE: pfad"))
    }

    @Test func badDashCIsFatal() throws {
        let runner = try CommandRunner()
        let result = try runner.pfad(["-C", "/nonexistent/xyz", "--help"], in: runner.home)
        #expect(result.status == 129)
        #expect(result.err.hasPrefix("error: cannot change to"))
    }
}
