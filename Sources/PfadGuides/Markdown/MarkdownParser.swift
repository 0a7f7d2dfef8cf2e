import CCmarkGFM

/// Reads the block structure of a guide's Markdown with cmark-gfm
/// (CommonMark with the GFM table, strikethrough and autolink extensions).
///
/// pfad has no Markdown parser of its own: this is a thin walk over
/// cmark-gfm's tree that keeps block nodes and their source positions.
public enum MarkdownParser {
    /// The top-level blocks of `text`, each with its children and its byte
    /// range in `text`. O(n) in the length of the text.
    ///
    /// Lines in `hiddenLines` (1-based) are blanked before cmark sees them,
    /// byte for byte on the newline structure, so line numbers and offsets
    /// stay those of `text`: `Guide` hides its front matter this way.
    public static func blocks(in text: [UInt8], hiddenLines: Range<Int> = 1..<1) throws -> [MarkdownBlock] {
        let index = LineIndex(text)
        var input = text
        let lines = hiddenLines.clamped(to: 1..<(index.starts.count + 1))
        if !lines.isEmpty {
            // Each hidden line becomes an empty line: later lines keep their
            // numbers and columns, which `index` maps onto `text`.
            let from = index.starts[lines.lowerBound - 1]
            let to = lines.upperBound <= index.starts.count ? index.starts[lines.upperBound - 1] : text.count
            input.replaceSubrange(from..<to, with: [UInt8](repeating: UInt8(ascii: "\n"), count: lines.count))
        }
        return try CmarkSession.withDocument(input, options: CMARK_OPT_SOURCEPOS) { document, _ in
            children(of: document, index: index)
        }
    }

    private static func children(of node: OpaquePointer, index: LineIndex) -> [MarkdownBlock] {
        var result: [MarkdownBlock] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            if let block = block(current, index: index) { result.append(block) }
            child = cmark_node_next(current)
        }
        return result
    }

    private static func block(_ node: OpaquePointer, index: LineIndex) -> MarkdownBlock? {
        guard let kind = kind(of: node) else { return nil }
        let start = SourcePosition(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
        let end = SourcePosition(line: Int(cmark_node_get_end_line(node)), column: Int(cmark_node_get_end_column(node)))
        let lower = index.offset(of: start)
        let upper = max(lower, index.endOffset(of: end))
        let children: [MarkdownBlock]
        switch kind {
        case .list, .listItem, .blockQuote, .table, .tableRow: children = Self.children(of: node, index: index)
        default: children = []
        }
        return MarkdownBlock(kind: kind, start: start, end: end, range: lower..<upper, children: children)
    }

    /// The block kind of a node, or nil for inline nodes and kinds a guide
    /// does not use (footnotes, custom blocks).
    private static func kind(of node: OpaquePointer) -> BlockKind? {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_LIST: return .list(listKind(of: node))
        case CMARK_NODE_ITEM:
            guard let parent = cmark_node_parent(node) else { return .listItem(.bullet) }
            return .listItem(listKind(of: parent))
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_CODE_BLOCK:
            var length: Int32 = 0
            var offset: Int32 = 0
            var character: CChar = 0
            let fenced = cmark_node_get_fenced(node, &length, &offset, &character) != 0
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            return .codeBlock(fenced: fenced, info: info)
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        default:
            // Table nodes belong to the extension; cmark names them.
            guard let name = cmark_node_get_type_string(node) else { return nil }
            switch String(cString: name) {
            case "table": return .table
            case "table_row", "table_header":
                return .tableRow(header: cmark_gfm_extensions_get_table_row_is_header(node) != 0)
            case "table_cell": return .tableCell
            default: return nil
            }
        }
    }

    private static func listKind(of list: OpaquePointer) -> ListKind {
        cmark_node_get_list_type(list) == CMARK_ORDERED_LIST
            ? .ordered(start: Int(cmark_node_get_list_start(list))) : .bullet
    }
}
