import ArgumentParser

extension Pfad {
    /// Writing packfiles: gc, repack (packfile issue).
    static var packWriteCommands: [ParsableCommand.Type] {
        [GcCommand.self, RepackCommand.self]
    }
}
