import Foundation
import NIOCore
import NIOFoundationEssentialsCompat
import Testing
import Vapor
import VaporTesting
@testable import GrappeApp

/// A browser stand-in: keeps cookies between requests and sends back the CSRF token of the last
/// page it saw, like a real form post would.
final class TestClient {
    let app: Application
    var cookies: [String: String] = [:]
    var csrf: String?

    init(_ app: Application) { self.app = app }

    struct Page {
        let status: HTTPStatus
        let headers: HTTPHeaders
        let body: String
        var location: String? { headers.first(name: .location) }
    }

    @discardableResult
    func get(_ path: String, headers extra: HTTPHeaders = [:]) async throws -> Page {
        try await send(.GET, path, headers: extra, body: nil)
    }

    /// Posts a form; `_csrf` is added from the last page unless the test gives its own.
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)] = [], csrf: Bool = true) async throws -> Page {
        var fields = fields
        if csrf && !fields.contains(where: { $0.0 == "_csrf" }) {
            if self.csrf == nil { try await get("/connexion") }
            fields.append(("_csrf", self.csrf ?? ""))
        }
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(.POST, path, headers: ["Content-Type": "application/x-www-form-urlencoded"], body: ByteBuffer(string: body))
    }

    @discardableResult
    func post(_ path: String, _ fields: [String: String], csrf: Bool = true) async throws -> Page {
        try await post(path, fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, csrf: csrf)
    }

    /// Posts a multipart form with one file.
    @discardableResult
    func upload(_ path: String, fields: [String: String], fileField: String, filename: String, content: Data, type: String = "text/csv") async throws -> Page {
        if csrf == nil { try await get("/connexion") }
        let boundary = "----grappe-test-boundary"
        var body = Data()
        var all = fields
        all["_csrf"] = all["_csrf"] ?? csrf ?? ""
        for (name, value) in all.sorted(by: { $0.key < $1.key }) {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(fileField)\"; filename=\"\(filename)\"\r\nContent-Type: \(type)\r\n\r\n".utf8))
        body.append(content)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return try await send(.POST, path, headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"], body: ByteBuffer(data: body))
    }

    func send(_ method: HTTPMethod, _ path: String, headers extra: HTTPHeaders, body: ByteBuffer?) async throws -> Page {
        var headers = extra
        if !cookies.isEmpty {
            headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body)
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";").first.map(String.init) ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            if header.lowercased().contains("expires=thu, 01 jan 1970") || parts[1].isEmpty { cookies[parts[0]] = nil } else { cookies[parts[0]] = parts[1] }
        }
        let text = String(buffer: response.body)
        if let range = text.range(of: #"name="_csrf" value="([^"]+)""#, options: .regularExpression) {
            let match = String(text[range])
            csrf = match.components(separatedBy: "value=\"").last.map { String($0.dropLast()) }
        }
        return Page(status: response.status, headers: response.headers, body: text)
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// Logs in through the real form and checks it worked.
    func login(_ email: String, _ password: String = DemoData.password) async throws {
        try await get("/connexion")
        let page = try await post("/connexion", ["email": email, "password": password])
        #expect(page.status == .seeOther, "login failed for \(email): \(page.status)")
    }
}
