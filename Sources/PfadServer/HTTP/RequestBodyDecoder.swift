import PfadStore

/// Turns a collected request body into the bytes the service reads:
/// gzip-decoded when git sent `Content-Encoding: gzip` (it does for large
/// upload-pack requests), bounded either way.
enum RequestBodyDecoder {
    /// `body` decoded according to `encoding`, at most `limit` bytes.
    /// - Throws: `ServerError.bodyTooLarge` past the limit,
    ///   `.badRequest` for bad gzip data or an unknown encoding.
    static func decode(_ body: [UInt8], encoding: String?, limit: Int) throws -> [UInt8] {
        switch encoding?.lowercased() {
        case nil, "", "identity":
            guard body.count <= limit else { throw ServerError.bodyTooLarge(limit: limit) }
            return body
        case "gzip", "x-gzip":
            let inflater: Inflater
            do { inflater = try Inflater(framing: .gzip) } catch { throw ServerError.badRequest("cannot start gzip decoder") }
            do {
                return try inflater.inflateStream(body, limit: limit, context: "request body").output
            } catch StoreError.sizeLimitExceeded {
                throw ServerError.bodyTooLarge(limit: limit)
            } catch {
                throw ServerError.badRequest("bad gzip request body")
            }
        case let other?:
            throw ServerError.badRequest("unsupported Content-Encoding '\(other)'")
        }
    }
}
