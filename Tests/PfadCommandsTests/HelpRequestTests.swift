import ArgumentParser
import Testing
@testable import PfadCommands

@Suite struct HelpRequestTests {
    private func name(_ command: ParsableCommand.Type) -> String {
        command.configuration.commandName ?? String(describing: command).lowercased()
    }

    @Test func everyCommandAnswersDashHAloneAndDashDashHelpAnywhere() {
        #expect(Pfad.allSubcommands.count > 40)
        for command in Pfad.allSubcommands {
            let name = name(command)
            #expect(HelpRequest.command(for: [name, "-h"]) == command, "\(name) -h")
            #expect(HelpRequest.command(for: [name, "--help"]) == command, "\(name) --help")
            #expect(HelpRequest.command(for: [name, "-x", "value", "--help"]) == command, "\(name) … --help")
            #expect(HelpRequest.text(for: command).contains("USAGE: pfad \(name)"), "\(name) help text")
        }
    }

    @Test func dashHAmongOtherArgumentsBelongsToTheCommand() {
        // git: `ls-remote -h origin` lists heads; only a lone -h is help.
        #expect(HelpRequest.command(for: ["ls-remote", "-h", "origin"]) == nil)
        #expect(HelpRequest.command(for: ["commit", "-m", "-h"]) == nil)
    }

    @Test func nothingAfterDoubleDashAndNoUnknownCommands() {
        #expect(HelpRequest.command(for: ["log", "--", "--help"]) == nil)
        #expect(HelpRequest.command(for: ["diff", "--no-index", "--", "a", "--help"]) == nil)
        #expect(HelpRequest.command(for: ["gibtsnicht", "--help"]) == nil)
        #expect(HelpRequest.command(for: ["log"]) == nil)
        #expect(HelpRequest.command(for: []) == nil)
    }
}
