import NIOCore

/// How to reach the SMTP relay (`MAIL_TRANSPORT=smtp`), read by `AppConfig`.
public struct SMTPSettings: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?
    public var startTLS: Bool
    public var heloName: String
    /// `SMTP_TIMEOUT`: the longest wait for the connection and for each reply.
    public var timeout: TimeAmount
    /// `SMTP_RATE`: the relay's pace, messages per minute.
    public var messagesPerMinute: Int

    public init(host: String, port: Int, username: String? = nil, password: String? = nil, startTLS: Bool, heloName: String = "grappe.local",
                timeout: TimeAmount = .seconds(30), messagesPerMinute: Int = 300) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.startTLS = startTLS
        self.heloName = heloName
        self.timeout = timeout
        self.messagesPerMinute = messagesPerMinute
    }
}
