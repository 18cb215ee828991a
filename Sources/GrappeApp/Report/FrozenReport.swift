import Fluent
import Foundation

/// A report as published: the HTML (styles inside) and the PDF made when it was frozen. Served
/// as kept, whatever the records become.
final class FrozenReport: Model, @unchecked Sendable {
    static let schema = "frozen_reports"

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "year") var year: Int
    @Field(key: "html") var html: String
    @OptionalField(key: "pdf") var pdf: Data?
    @OptionalParent(key: "frozen_by") var frozenBy: User?
    @Field(key: "frozen_at") var frozenAt: Date

    init() {}

    init(organisationID: UUID, year: Int, html: String, pdf: Data?, frozenBy: UUID?, frozenAt: Date = Date()) {
        self.$organisation.id = organisationID
        self.year = year; self.html = html; self.pdf = pdf; self.$frozenBy.id = frozenBy; self.frozenAt = frozenAt
    }
}
