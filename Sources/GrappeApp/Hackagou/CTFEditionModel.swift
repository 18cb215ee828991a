import Fluent
import Foundation
import GrappeDomain

/// One yearly edition of Hackagou: its theme, place, times, brackets and status.
final class CTFEdition: Model, @unchecked Sendable {
    static let schema = "ctf_editions"

    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "number") var number: Int
    @Field(key: "year") var year: Int
    @Field(key: "theme") var theme: String
    @Field(key: "place") var place: String
    @Field(key: "about") var about: String
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "ends_at") var endsAt: Date
    @Field(key: "registration_opens_at") var registrationOpensAt: Date
    @Field(key: "registration_closes_at") var registrationClosesAt: Date
    @OptionalField(key: "freeze_at") var freezeAt: Date?
    @Field(key: "team_size") var teamSize: Int
    @Enum(key: "status") var status: CTFEditionStatus
    /// The calendar's event for the day.
    @OptionalParent(key: "event_id") var event: ClusterEvent?
    /// Raised in the transaction of every solve, award or hint unlock: a scoreboard built at an
    /// older version is stale (`Scoreboards`).
    @Field(key: "board_version") var boardVersion: Int
    @Children(for: \.$edition) var brackets: [CTFBracket]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var schedule: CTFSchedule {
        CTFSchedule(startsAt: startsAt, endsAt: endsAt, registrationOpensAt: registrationOpensAt,
                    registrationClosesAt: registrationClosesAt, freezeAt: freezeAt)
    }

    /// « Hackagou 2025 », as titles say it.
    var title: String { "Hackagou \(year)" }
}
