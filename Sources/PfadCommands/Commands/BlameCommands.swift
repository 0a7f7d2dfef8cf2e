import ArgumentParser

extension Pfad {
    /// Line history: blame (history issue).
    static var blameCommands: [ParsableCommand.Type] {
        [BlameCommand.self]
    }
}
