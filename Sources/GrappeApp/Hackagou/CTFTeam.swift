import Fluent
import Foundation

/// A team of an edition. Team-mates join it with its invite code.
final class CTFTeam: Model, @unchecked Sendable {
    static let schema = "ctf_teams"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "edition_id") var edition: CTFEdition
    @OptionalParent(key: "bracket_id") var bracket: CTFBracket?
    @Field(key: "name") var name: String
    /// The name folded (case, accents, spaces): two teams cannot differ only by these.
    @Field(key: "name_key") var nameKey: String
    /// The school or company the team comes from.
    @Field(key: "affiliation") var affiliation: String
    /// When the affiliation is a company of the directory.
    @OptionalParent(key: "company_id") var company: Company?
    @Field(key: "invite_code") var inviteCode: String
    /// Hidden teams play but are left out of the boards; banned teams cannot play.
    @Field(key: "hidden") var hidden: Bool
    @Field(key: "banned") var banned: Bool
    @Children(for: \.$team) var players: [CTFPlayer]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
