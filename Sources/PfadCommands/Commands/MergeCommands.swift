import ArgumentParser

extension Pfad {
    /// Merging: merge, cherry-pick, revert (history issue).
    static var mergeCommands: [ParsableCommand.Type] {
        []
    }
}
