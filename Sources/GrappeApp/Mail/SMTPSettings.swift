/// Where and how to reach the SMTP relay.
public struct SMTPSettings: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?
    public var startTLS: Bool
    public var heloName: String

    public init(host: String, port: Int, username: String? = nil, password: String? = nil, startTLS: Bool, heloName: String = "grappe.local") {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.startTLS = startTLS
        self.heloName = heloName
    }
}
