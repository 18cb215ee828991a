import Foundation
import GrappeDomain

/// The day every test lives on, whatever the wall clock says: Tuesday 15 September 2026, 10:00
/// in Nouméa. The third quarter, so that joining pays half the year's fee (two quarters left);
/// the demo's years run 2024–2026. Rows stamped by Fluent (created, updated) keep the system
/// time, as they do in production.
enum TestClock {
    static let now = FrenchDate.calendar.date(from: DateComponents(year: 2026, month: 9, day: 15, hour: 10))!
    static var year: Int { FrenchDate.year(of: now) }
}
