import ArgumentParser

extension Pfad {
    /// Pushing: push, receive-pack (transport issue).
    static var pushCommands: [ParsableCommand.Type] {
        [
            ReceivePackCommand.self,

            PushCommand.self,

            PushCommand.self,
            ReceivePackCommand.self,
        ]
    }
}
