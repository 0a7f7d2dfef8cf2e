import ArgumentParser

extension Pfad {
    /// Commands of the object store, index and porcelain (issue 2).
    static var foundationCommands: [ParsableCommand.Type] {
        []
    }
}
