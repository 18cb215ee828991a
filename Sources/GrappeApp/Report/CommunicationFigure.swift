import Fluent
import Foundation

/// A communication figure with no source in Grappe (followers of a social network, articles
/// written), entered by staff for a year with where it comes from.
final class CommunicationFigure: Model, @unchecked Sendable {
    static let schema = "communication_figures"

    enum Metric: String, Codable, CaseIterable, Sendable {
        case followers, articles
        var label: String { self == .followers ? "Abonnés" : "Articles rédigés" }
        var unit: (String, String) { self == .followers ? ("abonné", "abonnés") : ("article", "articles") }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "year") var year: Int
    @Field(key: "channel") var channel: String
    @Enum(key: "metric") var metric: Metric
    @Field(key: "value") var value: Int
    @Field(key: "source") var source: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(organisationID: UUID, year: Int, channel: String, metric: Metric, value: Int, source: String) {
        self.$organisation.id = organisationID
        self.year = year; self.channel = channel; self.metric = metric; self.value = value; self.source = source
    }
}
