import Fluent
import Foundation

/// An editorial text of the annual report, one version per save. The latest version of a year
/// is the one printed; older ones stay readable.
final class ReportText: Model, @unchecked Sendable {
    static let schema = "report_texts"

    enum Kind: String, Codable, CaseIterable, Sendable {
        case edito, history, networks, thanks

        var label: String {
            switch self {
            case .edito: "Édito"
            case .history: "Un peu d'histoire"
            case .networks: "Influence et réseaux"
            case .thanks: "Merci à tous"
            }
        }

        /// The édito belongs to its year; the other texts carry over until rewritten.
        var carriesOver: Bool { self != .edito }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "year") var year: Int
    @Enum(key: "kind") var kind: Kind
    @Field(key: "version") var version: Int
    @Field(key: "body") var body: String
    @OptionalParent(key: "author_id") var author: User?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(organisationID: UUID, year: Int, kind: Kind, version: Int, body: String, authorID: UUID?) {
        self.$organisation.id = organisationID
        self.year = year; self.kind = kind; self.version = version; self.body = body; self.$author.id = authorID
    }
}
