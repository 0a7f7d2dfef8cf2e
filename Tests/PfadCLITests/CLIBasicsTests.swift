import Foundation
import Testing

@Suite struct CLIBasicsTests {
    @Test func unknownCommandIsAUsageError() throws {
        let runner = try CommandRunner()
        let result = try runner.pfad(["no-such-command"], in: runner.home)
        #expect(result.status == 129)
        #expect(!result.err.isEmpty)
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
