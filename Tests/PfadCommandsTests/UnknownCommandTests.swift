import Testing
@testable import PfadCommands

@Suite struct UnknownCommandTests {
    private let commands = PfadMain.commandNames

    /// Suggestions git 2.39 gives for the same typos (its command list is
    /// larger, so only typos whose answers are all pfad commands are used).
    @Test func suggestionsMatchGits() {
        #expect(UnknownCommand.suggestions(for: "stauts", commands: commands) == ["status"])
        #expect(UnknownCommand.suggestions(for: "comit", commands: commands) == ["commit"])
        #expect(UnknownCommand.suggestions(for: "lgo", commands: commands) == ["log"])
        #expect(UnknownCommand.suggestions(for: "pul", commands: commands) == ["pull", "push"])
        #expect(UnknownCommand.suggestions(for: "chekcout", commands: commands) == ["checkout"])
        #expect(UnknownCommand.suggestions(for: "zzzzzzzzzz", commands: commands) == [])
    }

    @Test func weightsAreGits() {
        // swap 0, replace 2, insert 1, delete 3
        #expect(UnknownCommand.distance(from: Array("ab".utf8), to: Array("ba".utf8)) == 0)
        #expect(UnknownCommand.distance(from: Array("ab".utf8), to: Array("ac".utf8)) == 2)
        #expect(UnknownCommand.distance(from: Array("ab".utf8), to: Array("abc".utf8)) == 1)
        #expect(UnknownCommand.distance(from: Array("abc".utf8), to: Array("ab".utf8)) == 3)
        #expect(UnknownCommand.distance(from: [], to: Array("log".utf8)) == 3)
    }

    @Test func messageHasGitsShape() {
        #expect(UnknownCommand.message(for: "pul", commands: commands) == [
            "pfad: 'pul' is not a pfad command. See 'pfad --help'.", "", "The most similar commands are", "\tpull", "\tpush",
        ])
    }
}
