import Vapor

/// The largest body each POST may send, in one place: the routes use it and so does the CSRF
/// middleware, which reads the body before routing. Over the limit the answer is 413.
enum BodyLimits {
    static let formBytes = 1024 * 1024
    static let uploads: [(prefix: String, suffix: String, bytes: Int)] = [
        ("/candidatures", "", 6 * 1024 * 1024),
        ("/adherents/import", "", 3 * 1024 * 1024),
        ("/programmes/", "/import", 3 * 1024 * 1024),
    ]

    static func bytes(for path: String) -> Int {
        let path = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        for upload in uploads where path.hasPrefix(upload.prefix) && path.hasSuffix(upload.suffix) {
            if upload.suffix.isEmpty && path != upload.prefix { continue }
            return upload.bytes
        }
        return formBytes
    }

    static func collect(_ path: String) -> HTTPBodyStreamStrategy { .collect(maxSize: ByteCount(value: bytes(for: path))) }
}
