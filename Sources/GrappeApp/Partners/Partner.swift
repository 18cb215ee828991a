import Fluent
import Foundation

/// An organisation that supports the cluster in a year (funder, institution, sponsor, network).
/// The amount is private to staff.
final class Partner: Model, @unchecked Sendable {
    static let schema = "partners"

    enum Kind: String, Codable, CaseIterable, Sendable {
        case institution, funder, sponsor, network
        var label: String {
            switch self {
            case .institution: "Institution"
            case .funder: "Financeur"
            case .sponsor: "Mécène"
            case .network: "Réseau"
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "year") var year: Int
    @Field(key: "name") var name: String
    @Enum(key: "kind") var kind: Kind
    @OptionalField(key: "amount") var amount: Int?
    @Field(key: "logo_url") var logoURL: String
    @Field(key: "website") var website: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(organisationID: UUID, year: Int, name: String, kind: Kind, amount: Int?, logoURL: String = "", website: String = "") {
        self.$organisation.id = organisationID
        self.year = year; self.name = name; self.kind = kind; self.amount = amount; self.logoURL = logoURL; self.website = website
    }
}
