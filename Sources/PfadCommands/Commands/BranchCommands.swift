import ArgumentParser

extension Pfad {
    /// Branches, tags and the work tree: branch, switch, checkout, restore, reset, tag (history issue).
    static var branchCommands: [ParsableCommand.Type] {
        []
    }
}
