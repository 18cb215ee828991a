import Vapor

/// One-shot messages shown on the next page (after a redirect).
struct Flash: Codable, Sendable {
    enum Kind: String, Codable, Sendable { case success, error, info }
    var kind: Kind
    var message: String
}

extension Request {
    /// True when the browser sent a session cookie. Pages that only read the session check this
    /// first, so that anonymous requests (health checks, bots) never create a session row.
    var hasSessionCookie: Bool { cookies["grappe_session"] != nil }

    func flash(_ message: String, _ kind: Flash.Kind = .success) {
        let value = Flash(kind: kind, message: message)
        if let data = try? JSONEncoder().encode(value) { session.data["flash"] = String(decoding: data, as: UTF8.self) }
    }

    /// Reads and clears the pending message.
    func takeFlash() -> Flash? {
        guard hasSessionCookie, let raw = session.data["flash"] else { return nil }
        session.data["flash"] = nil
        return try? JSONDecoder().decode(Flash.self, from: Data(raw.utf8))
    }

    /// Redirect after a successful POST, with a message.
    func redirect(to path: String, flash message: String, _ kind: Flash.Kind = .success) -> Response {
        flash(message, kind)
        return redirect(to: path, redirectType: .normal)
    }
}
