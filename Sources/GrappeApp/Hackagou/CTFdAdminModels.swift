import Foundation

/// The bodies ctfcli sends to CTFd's admin endpoints, and what it reads back.
extension CTFd {
    struct ChallengeBody: Decodable, Sendable {
        struct Requirements: Decodable, Sendable { let prerequisites: [Int]? }
        var name: String?
        var category: String?
        var description: String?
        var attribution: String?
        var connection_info: String?
        var type: String?
        var state: String?
        var value: Int?
        var initial: Int?
        var decay: Int?
        var minimum: Int?
        var function: String?
        var max_attempts: Int?
        var requirements: Requirements?
    }

    struct AdminChallenge: Encodable, Sendable {
        let id: Int
        let name: String
        let category: String
        let description: String
        let attribution: String
        let connection_info: String?
        let type: String
        let state: String
        let value: Int
        let initial: Int?
        let decay: Int?
        let minimum: Int?
        let function: String?
        let max_attempts: Int
    }

    struct FlagBody: Decodable, Sendable {
        let challenge_id: Int
        let content: String
        let type: String?
        /// « case_insensitive » or empty.
        let data: String?
    }

    struct Flag: Encodable, Sendable {
        let id: Int
        let challenge_id: Int
        let type: String
        let content: String
        let data: String
    }

    struct TagBody: Decodable, Sendable {
        let challenge_id: Int
        let value: String
    }

    struct TagItem: Encodable, Sendable {
        let id: Int
        let challenge_id: Int
        let value: String
    }

    struct HintBody: Decodable, Sendable {
        let challenge_id: Int
        let content: String
        let cost: Int?
        let title: String?
    }

    struct HintItem: Encodable, Sendable {
        let id: Int
        let challenge_id: Int
        let content: String
        let cost: Int
    }

    struct FileItem: Encodable, Sendable {
        let id: Int
        let type = "challenge"
        let location: String
        let challenge_id: Int
        let sha1sum: String?
    }
}
