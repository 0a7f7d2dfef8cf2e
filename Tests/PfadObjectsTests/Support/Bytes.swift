/// UTF-8 bytes of a string literal, for readable expectations.
func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

/// The text of bytes, for readable failure messages.
func text(_ b: [UInt8]) -> String { String(decoding: b, as: UTF8.self) }
