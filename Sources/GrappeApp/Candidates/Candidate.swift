import Fluent
import Foundation

/// An unsolicited application in the candidate pool, with its CV stored on disk.
final class Candidate: Model, @unchecked Sendable {
    static let schema = "candidates"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "first_name") var firstName: String
    @Field(key: "last_name") var lastName: String
    @Field(key: "email") var email: String
    @Field(key: "wished_fields") var wishedFields: String
    @Field(key: "message") var message: String
    @Field(key: "search_text") var searchText: String
    /// File name inside the upload folder (random, never from the user).
    @Field(key: "cv_file") var cvFile: String
    @Field(key: "cv_bytes") var cvBytes: Int
    @Field(key: "withdraw_token_hash") var withdrawTokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var fullName: String { "\(firstName) \(lastName)" }
}

/// One reading of a CV by a member contact (or staff).
final class CVRead: Model, @unchecked Sendable {
    static let schema = "cv_reads"

    @ID(key: .id) var id: UUID?
    @Parent(key: "candidate_id") var candidate: Candidate
    @OptionalParent(key: "user_id") var user: User?
    @OptionalParent(key: "company_id") var company: Company?
    @Field(key: "read_at") var readAt: Date

    init() {}

    init(candidateID: UUID, userID: UUID?, companyID: UUID?) {
        self.$candidate.id = candidateID
        self.$user.id = userID
        self.$company.id = companyID
        self.readAt = Date()
    }
}
