import ArgumentParser

extension Pfad {
    /// History: log, rev-list, merge-base, show, reflog (history issue).
    static var logCommands: [ParsableCommand.Type] {
        [LogCommand.self, RevListCommand.self, MergeBaseCommand.self, ShowCommand.self, ReflogCommand.self]
    }
}
