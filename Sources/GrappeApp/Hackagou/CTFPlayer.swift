import Fluent
import Foundation
import GrappeDomain

/// A player of an edition, in one team, with a login of role `player`.
final class CTFPlayer: Model, @unchecked Sendable {
    static let schema = "ctf_players"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "edition_id") var edition: CTFEdition
    @Parent(key: "team_id") var team: CTFTeam
    @OptionalParent(key: "user_id") var user: User?
    @Field(key: "pseudonym") var pseudonym: String
    @Field(key: "pseudonym_key") var pseudonymKey: String
    @Field(key: "full_name") var fullName: String
    @Field(key: "email") var email: String
    @Field(key: "birth_year") var birthYear: Int
    @OptionalEnum(key: "gender") var gender: Gender?
    @Field(key: "captain") var captain: Bool
    /// When the player accepted the rules (registration requires it).
    @Field(key: "consented_at") var consentedAt: Date
    /// Whether age and gender may be counted in the edition's statistics.
    @Field(key: "statistics_consent") var statisticsConsent: Bool
    /// « Partager mon profil avec les entreprises adhérentes »: the candidate pool's rules apply.
    @Field(key: "shares_profile") var sharesProfile: Bool
    @OptionalField(key: "checked_in_at") var checkedInAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
