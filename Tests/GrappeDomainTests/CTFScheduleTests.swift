import Foundation
import Testing
@testable import GrappeDomain

/// An edition's times that do not fit together name the time to correct, so that the form
/// shows the message beside the right field.
@Suite struct CTFScheduleTests {
    static func at(_ minute: Int) -> Date { Date(timeIntervalSince1970: 1_800_000_000 + Double(minute) * 60) }

    static func schedule(start: Int = 100, end: Int = 700, opens: Int = 0, closes: Int = 600, freeze: Int? = 640) -> CTFSchedule {
        CTFSchedule(startsAt: at(start), endsAt: at(end), registrationOpensAt: at(opens), registrationClosesAt: at(closes), freezeAt: freeze.map(at))
    }

    @Test func eachProblemNamesItsField() {
        #expect(Self.schedule().issue == nil)
        #expect(Self.schedule(end: 100).issue?.field == .end)
        #expect(Self.schedule(opens: 600).issue?.field == .registrationCloses)
        #expect(Self.schedule(closes: 701).issue?.french == "Les inscriptions doivent fermer avant la fin de la compétition.")
        #expect(Self.schedule(freeze: 100).issue?.field == .freeze && Self.schedule(freeze: 701).issue?.field == .freeze)
        #expect(Self.schedule(freeze: nil).issue == nil, "no freeze is allowed")
        #expect(Self.schedule(end: 50).problem == Self.schedule(end: 50).issue?.french)
    }
}
