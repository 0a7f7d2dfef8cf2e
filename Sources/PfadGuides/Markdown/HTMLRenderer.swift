import CCmarkGFM

/// Renders a guide's Markdown as an HTML fragment with cmark-gfm's
/// renderer and the GFM table, strikethrough and autolink extensions.
///
/// Safe mode: raw HTML blocks and inline HTML are replaced by
/// `<!-- raw HTML omitted -->` and `javascript:`-style link targets are
/// dropped, so the output can go into a web page as it is.
public enum HTMLRenderer {
    /// The HTML fragment for `markdown`. Invalid UTF-8 is replaced by
    /// U+FFFD. O(n).
    public static func render(_ markdown: [UInt8]) throws -> String {
        // CMARK_OPT_UNSAFE stays off: that is cmark-gfm's safe mode.
        try CmarkSession.withDocument(markdown, options: CMARK_OPT_VALIDATE_UTF8) { document, extensions in
            guard let html = cmark_render_html(document, CMARK_OPT_VALIDATE_UTF8, extensions) else {
                throw GuideError.markdownFailed
            }
            defer { cmark_get_default_mem_allocator().pointee.free(html) }
            return String(cString: html)
        }
    }

    /// The HTML fragment for a Markdown string.
    public static func render(_ markdown: String) throws -> String {
        try render(Array(markdown.utf8))
    }
}
