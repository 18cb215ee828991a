import Foundation
import GrappeDomain
import NIOFoundationCompat
import Vapor

/// The JSON shapes of CTFd's API (3.x), field for field where clients read them: scripts
/// written for CTFd, ctfcli and CTFtime's scrapers parse these.
enum CTFd {
    struct Envelope<T: Encodable & Sendable>: Encodable, Sendable {
        let success = true
        let data: T
    }

    struct Failure: Encodable, Sendable {
        let success = false
        let errors: [String: [String]]
        let message: String
    }

    struct AttemptResult: Encodable, Sendable {
        let status: String
        let message: String
    }

    struct AttemptBody: Decodable, Sendable {
        let challenge_id: Int
        let submission: String
    }

    struct Tag: Encodable, Sendable { let value: String }

    struct ChallengeItem: Encodable, Sendable {
        let id: Int
        let type: String
        let name: String
        let value: Int
        let solves: Int
        let solved_by_me: Bool
        let category: String
        let tags: [Tag]
    }

    struct Hint: Encodable, Sendable {
        let id: Int
        let cost: Int
        /// Only once the team unlocked it (or it is free).
        let content: String?
    }

    struct ChallengeDetail: Encodable, Sendable {
        let id: Int
        let name: String
        let value: Int
        let initial: Int
        let description: String
        let connection_info: String?
        let category: String
        let state: String
        let max_attempts: Int
        let type: String
        let solves: Int
        let solved_by_me: Bool
        let attempts: Int
        let files: [String]
        let tags: [String]
        let hints: [Hint]
    }

    struct Member: Encodable, Sendable {
        let id: Int
        let oauth_id: Int?
        let name: String
        let score: Int
        let bracket_id: Int?
        let bracket_name: String?
    }

    struct Standing: Encodable, Sendable {
        let pos: Int
        let account_id: Int
        let account_url: String
        let account_type = "team"
        let oauth_id: Int?
        let name: String
        let score: Int
        let bracket_id: Int?
        let bracket_name: String?
        let members: [Member]
    }

    struct TopSolve: Encodable, Sendable {
        let challenge_id: Int?
        let account_id: Int
        let team_id: Int
        let user_id: Int?
        let value: Int
        let date: String
    }

    struct TopEntry: Encodable, Sendable {
        let id: Int
        let account_url: String
        let name: String
        let score: Int
        let bracket_id: Int?
        let bracket_name: String?
        let solves: [TopSolve]
    }

    struct Team: Encodable, Sendable {
        let id: Int
        let name: String
        let affiliation: String?
        let bracket_id: Int?
        let bracket_name: String?
        let members: [Int]
        let score: Int
        let place: Int?
    }

    struct User: Encodable, Sendable {
        let id: Int
        let name: String
        let team_id: Int
        let score: Int
        let place: Int?
        let bracket_id: Int?
    }

    struct Pagination: Encodable, Sendable {
        let page: Int
        let next: Int?
        let prev: Int?
        let pages: Int
        let per_page: Int
        let total: Int
    }

    struct Meta: Encodable, Sendable { let pagination: Pagination }

    struct Paged<T: Encodable & Sendable>: Encodable, Sendable {
        let success = true
        let meta: Meta
        let data: [T]
    }

    /// CTFtime's scoreboard feed.
    struct CTFtimeFeed: Encodable, Sendable {
        struct Row: Encodable, Sendable { let pos: Int; let team: String; let score: Int }
        let standings: [Row]
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return e
    }()

    static func response<T: Encodable>(_ value: T, status: HTTPStatus = .ok) throws -> Response {
        json(try encoder.encode(value), status: status)
    }

    static func json(_ data: Data, status: HTTPStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: status, headers: headers, body: .init(data: data))
    }

    static func ok<T: Encodable & Sendable>(_ data: T, status: HTTPStatus = .ok) throws -> Response {
        try response(Envelope(data: data), status: status)
    }

    static func fail(_ status: HTTPStatus, _ message: String, field: String = "") throws -> Response {
        try response(Failure(errors: [field: [message]], message: message), status: status)
    }

    static func date(_ d: Date) -> String { d.formatted(.iso8601) }

    /// The answer to an attempt, one per verdict, encoded once: the storm's answers are these
    /// few bodies, and encoding each again cost about 3 % of the server's time (`perf`).
    static let verdictBodies: [AttemptVerdict: Data] = Dictionary(uniqueKeysWithValues: AttemptVerdict.allCases.map { verdict in
        (verdict, (try? encoder.encode(Envelope(data: AttemptResult(status: verdict.ctfdStatus, message: verdict.english)))) ?? Data())
    })

    private static let decoder = JSONDecoder()

    /// The attempt's body: JSON read straight from the request's bytes (the content
    /// negotiation of `req.content` cost about 2 %), any other type through it.
    static func attemptBody(_ req: Request) -> AttemptBody? {
        if req.headers.contentType == .json, let body = req.body.data {
            return try? decoder.decode(AttemptBody.self, from: body)
        }
        return try? req.content.decode(AttemptBody.self)
    }
}
