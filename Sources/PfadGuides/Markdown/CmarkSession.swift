import CCmarkGFM

/// One cmark-gfm parse: a parser with the GFM extensions attached and the
/// document it produced. Only this file and `MarkdownParser`/`HTMLRenderer`
/// see cmark's C types; nothing of them leaves the module.
///
/// Memory: `withDocument` frees the document and the parser on every path,
/// errors included; callers never hold a node past the closure.
enum CmarkSession {
    /// Registers cmark-gfm's core extensions once per process (a Swift
    /// `static let` is initialised exactly once, thread-safely).
    private static let registration: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// The GFM extensions a guide uses, by cmark-gfm's names.
    static let extensionNames = ["table", "strikethrough", "autolink"]

    /// Parses `text` with `options` and hands the document and the parser's
    /// extension list (for the HTML renderer) to `body`; frees both after.
    static func withDocument<T>(
        _ text: [UInt8], options: Int32,
        _ body: (OpaquePointer, UnsafeMutablePointer<cmark_llist>?) throws -> T
    ) throws -> T {
        _ = registration
        guard let parser = cmark_parser_new(options) else { throw GuideError.markdownFailed }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        text.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        guard let document = cmark_parser_finish(parser) else { throw GuideError.markdownFailed }
        defer { cmark_node_free(document) }
        return try body(document, cmark_parser_get_syntax_extensions(parser))
    }
}
