import Foundation
import HummingbirdBcrypt

/// The accounts `pfad serve --users FILE` accepts. One user per line:
///
///     # name  bcrypt-hash  ref patterns the user may push
///     arnsberg $2b$12$…  refs/heads/arnsberg/* refs/tags/arnsberg/*
///     agentur  $2b$12$…  refs/*
///     leser    $2b$12$…
///
/// Blank lines and lines starting with `#` are ignored; fields are separated
/// by spaces or tabs. A user without patterns may read (when anonymous read
/// is off) but not push. Passwords are only ever stored as bcrypt hashes
/// (`pfad serve --hash-password` makes one).
public struct UsersFile: Sendable {
    /// The users by name.
    public let users: [String: ServerUser]
    /// What an unknown name's password is checked against: a hash at the
    /// highest cost the file uses, so that an unknown name costs the same
    /// work as a known one and names cannot be probed by timing.
    let decoyHash: String

    /// Users given directly (tests).
    public init(users: [ServerUser]) {
        var byName: [String: ServerUser] = [:]
        for user in users { byName[user.name] = user }
        self.users = byName
        let cost = users.compactMap { Self.cost(of: $0.passwordHash) }.max() ?? 10
        decoyHash = Bcrypt.hash("pfad serve decoy", cost: UInt8(cost))
    }

    /// Parses the text of a users file; `path` names it in errors.
    /// - Throws: `ServerError.usersFile` for a bad line (unknown hash
    ///   format, bad name, bad pattern, duplicate user).
    public init(text: String, path: String) throws {
        var users: [ServerUser] = []
        var seen = Set<String>()
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard fields.count >= 2 else {
                throw ServerError.usersFile(path: path, line: index + 1, detail: "expected 'name bcrypt-hash [ref-pattern...]'")
            }
            let name = fields[0]
            guard Self.isValidName(name) else {
                throw ServerError.usersFile(path: path, line: index + 1, detail: "invalid user name '\(name)'")
            }
            guard Self.isBcryptHash(fields[1]) else {
                throw ServerError.usersFile(path: path, line: index + 1, detail: "password of '\(name)' is not a bcrypt hash")
            }
            var patterns: [RefPattern] = []
            for text in fields.dropFirst(2) {
                guard let pattern = RefPattern(text) else {
                    throw ServerError.usersFile(path: path, line: index + 1, detail: "invalid ref pattern '\(text)' (must start with refs/)")
                }
                patterns.append(pattern)
            }
            guard seen.insert(name).inserted else {
                throw ServerError.usersFile(path: path, line: index + 1, detail: "user '\(name)' listed twice")
            }
            users.append(ServerUser(name: name, passwordHash: fields[1], refPatterns: patterns))
        }
        self.init(users: users)
    }

    /// Reads and parses the file at `path`.
    /// - Throws: `ServerError.usersFile` if it cannot be read or parsed.
    public static func load(path: String) throws -> UsersFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ServerError.usersFile(path: path, line: 0, detail: "cannot read file")
        }
        return try UsersFile(text: String(decoding: data, as: UTF8.self), path: path)
    }

    /// The user named `name` if `password` matches the stored hash. Runs
    /// bcrypt: deliberately slow (≈ 2^cost rounds), call it off the event loop.
    public func authenticate(name: String, password: String) -> ServerUser? {
        guard let user = users[name] else {
            // Spend the same work as for a known user so names cannot be probed.
            _ = Bcrypt.verify(password, hash: decoyHash)
            return nil
        }
        return Bcrypt.verify(password, hash: user.passwordHash) ? user : nil
    }

    /// The bcrypt hash of `password` at `cost` (clamped to 4…31; 12 is a
    /// sensible default, each step doubles the work; the users file accepts
    /// costs up to 20) for a users-file line.
    public static func hash(password: String, cost: UInt8) -> String {
        Bcrypt.hash(password, cost: min(max(cost, 4), 31))
    }

    /// Whether `name` is a valid user name: letters, digits, `.`, `_`, `-`.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }

    /// A bcrypt hash with a cost of 4…20 (higher costs would let one login
    /// take minutes of CPU).
    private static func isBcryptHash(_ text: String) -> Bool {
        guard let cost = cost(of: text) else { return false }
        return (4...20).contains(cost)
    }

    /// The cost of a bcrypt hash (`$2b$12$…` → 12), nil if `text` is none.
    static func cost(of text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard text.hasPrefix("$2a$") || text.hasPrefix("$2b$") || text.hasPrefix("$2y$"), bytes.count == 60,
              bytes[6] == UInt8(ascii: "$")
        else { return nil }
        return Int(String(decoding: bytes[4..<6], as: UTF8.self))
    }
}
