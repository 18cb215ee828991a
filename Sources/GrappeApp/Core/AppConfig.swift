import GrappeDomain
import Vapor

/// Every setting Grappe reads from the environment, read once, with safe defaults. A value that
/// is present but wrong stops the start with a message that says which variable and why.
public struct AppConfig: Sendable {
    public enum Database: Sendable, Equatable {
        case sqliteFile(String)
        case sqliteMemory
        case postgres(url: String)

        public var isSQLite: Bool {
            if case .postgres = self { return false }
            return true
        }
    }

    public enum MailTransport: Sendable, Equatable {
        /// Kept in the outbox (development, tests).
        case store
        case smtp(SMTPSettings)
        /// A sendmail-compatible binary, given at most `timeout` seconds per message.
        case sendmail(path: String, timeout: Double)
    }

    public var database: Database
    public var demo: Bool
    /// `GRAPPE_BASE_URL`, when set; otherwise links use the address the server listens on
    /// (`Application.baseURL`), so `serve --port 9000` emails links to port 9000.
    public var explicitBaseURL: String?
    /// `PORT`, when set: the port `serve` listens on unless `--port` says otherwise.
    public var port: Int?
    public var mail: MailTransport
    public var mailFrom: String
    public var secureCookies: Bool
    /// Failed logins allowed per client address in ten minutes; an account allows
    /// `accountFailuresFactor` times as many, spread over several addresses.
    public var loginAttemptsPerWindow: Int
    /// `GRAPPE_TRUSTED_PROXIES`: the reverse proxies whose `X-Forwarded-For` names the client.
    public var trustedProxies: TrustedProxies
    public var mailWorkerInterval: Double
    /// Folder for uploaded files (CVs). Tests use a fresh temporary folder.
    public var uploadDirectory: String
    /// `GRAPPE_PAGE_CACHE` (default on): whether the most read pages are kept between writes.
    public var pageCache: Bool

    public struct ConfigError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads the configuration from `env` (the process environment by default).
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment, testing: Bool = false) throws -> AppConfig {
        func value(_ key: String) -> String? {
            guard let v = env[key]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
            return v
        }
        func flag(_ key: String, default def: Bool) throws -> Bool {
            guard let v = value(key) else { return def }
            switch v.lowercased() {
            case "1", "true", "yes", "on", "oui": return true
            case "0", "false", "no", "off", "non": return false
            default: throw ConfigError(description: "\(key)=\(v) : valeur attendue 0 ou 1.")
            }
        }
        func int(_ key: String, default def: Int, range: ClosedRange<Int>) throws -> Int {
            guard let v = value(key) else { return def }
            guard let n = Int(v), range.contains(n) else {
                throw ConfigError(description: "\(key)=\(v) : nombre entier attendu entre \(range.lowerBound) et \(range.upperBound).")
            }
            return n
        }

        let database: Database
        if let url = value("DATABASE_URL") {
            guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
                throw ConfigError(description: "DATABASE_URL doit commencer par postgres:// (reçu : \(url.prefix(12))…).")
            }
            database = .postgres(url: url)
        } else if testing {
            database = .sqliteMemory
        } else {
            database = .sqliteFile(value("GRAPPE_SQLITE_PATH") ?? "data/grappe.sqlite")
        }

        let port = try value("PORT").map { _ in try int("PORT", default: 8080, range: 1...65535) }
        let baseURL = value("GRAPPE_BASE_URL")
        if let baseURL, !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) {
            throw ConfigError(description: "GRAPPE_BASE_URL doit commencer par http:// ou https://.")
        }
        let mailFrom = value("MAIL_FROM") ?? "OPEN NC <contact@open.nc>"

        let mail: MailTransport
        switch value("MAIL_TRANSPORT")?.lowercased() ?? "store" {
        case "store": mail = .store
        case "smtp":
            guard let host = value("SMTP_HOST") else {
                throw ConfigError(description: "MAIL_TRANSPORT=smtp demande SMTP_HOST.")
            }
            let tls = try flag("SMTP_STARTTLS", default: true)
            let user = value("SMTP_USER"), password = value("SMTP_PASSWORD")
            if user != nil && password == nil { throw ConfigError(description: "SMTP_USER demande SMTP_PASSWORD.") }
            if user != nil && !tls {
                throw ConfigError(description: "SMTP_USER avec SMTP_STARTTLS=0 : le mot de passe circulerait en clair. Activez STARTTLS.")
            }
            mail = .smtp(SMTPSettings(
                host: host, port: try int("SMTP_PORT", default: tls ? 587 : 25, range: 1...65535),
                username: user, password: password, startTLS: tls,
                heloName: value("SMTP_HELO") ?? "grappe.local",
                timeout: .seconds(Int64(try int("SMTP_TIMEOUT", default: 30, range: 1...600))),
                messagesPerMinute: try int("SMTP_RATE", default: 300, range: 1...6000)))
        case "sendmail":
            let path = value("SENDMAIL_PATH") ?? "/usr/sbin/sendmail"
            guard path.hasPrefix("/") else { throw ConfigError(description: "SENDMAIL_PATH=\(path) : chemin absolu attendu.") }
            mail = .sendmail(path: path, timeout: Double(try int("SMTP_TIMEOUT", default: 30, range: 1...600)))
        case let other:
            throw ConfigError(description: "MAIL_TRANSPORT=\(other) : valeurs possibles store, smtp ou sendmail.")
        }

        let (trustedProxies, invalidProxies) = TrustedProxies.parse(value("GRAPPE_TRUSTED_PROXIES") ?? "")
        if !invalidProxies.isEmpty {
            throw ConfigError(description: "GRAPPE_TRUSTED_PROXIES : adresse ou plage illisible (\(invalidProxies.joined(separator: ", "))) ; exemple : 127.0.0.1, 10.0.0.0/8, ::1.")
        }

        return AppConfig(
            database: database,
            demo: try flag("GRAPPE_DEMO", default: !testing),
            explicitBaseURL: baseURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 },
            port: port,
            mail: mail,
            mailFrom: mailFrom,
            secureCookies: try flag("GRAPPE_SECURE_COOKIES", default: baseURL?.hasPrefix("https://") ?? false),
            loginAttemptsPerWindow: try int("GRAPPE_LOGIN_ATTEMPTS", default: 10, range: 1...10_000),
            trustedProxies: trustedProxies,
            mailWorkerInterval: Double(try int("MAIL_WORKER_SECONDS", default: 15, range: 1...3600)),
            uploadDirectory: value("GRAPPE_UPLOAD_DIR")
                ?? (testing ? NSTemporaryDirectory() + "grappe-test-uploads-" + UUID().uuidString : "data/uploads"),
            pageCache: try flag("GRAPPE_PAGE_CACHE", default: true)
        )
    }
}

extension Application {
    private struct ConfigKey: StorageKey { typealias Value = AppConfig }

    /// The start of absolute links (emails, feeds, exports, Open Graph): `GRAPPE_BASE_URL`, or
    /// the host and port the server was started on.
    public var baseURL: String {
        if let explicit = config.explicitBaseURL { return explicit }
        let server = http.server.configuration
        let host = ["0.0.0.0", "::", ""].contains(server.hostname) ? "127.0.0.1" : server.hostname
        return "http://\(host):\(server.port)"
    }

    public var config: AppConfig {
        get {
            guard let c = storage[ConfigKey.self] else { fatalError("AppConfig read before configure()") }
            return c
        }
        set { storage[ConfigKey.self] = newValue }
    }
}
