import ArgumentParser

extension Pfad {
    /// Reading and checking packfiles (packfile issue).
    static var packReadCommands: [ParsableCommand.Type] {
        [IndexPackCommand.self, VerifyPackCommand.self, CountObjectsCommand.self]
    }
}
