import Foundation
import Vapor

/// What day it is for Grappe's rules: the current year, today's pro-rata, what is upcoming or
/// past, expiries, the default dates of forms. `serve` and the commands read the system clock;
/// tests set a fixed instant, so that no test follows the wall clock.
///
/// Moments that stamp a row (created, sent, decided, read) and the lifetimes of sessions,
/// tokens and rate limits stay on the system clock: they measure real time, and Fluent's own
/// timestamps are taken from it.
struct Clock: Sendable {
    let now: @Sendable () -> Date

    static let system = Clock { Date() }
    static func fixed(_ instant: Date) -> Clock { Clock { instant } }
}

extension Application {
    private struct ClockKey: StorageKey { typealias Value = Clock }

    var clock: Clock {
        get { storage[ClockKey.self] ?? .system }
        set { storage[ClockKey.self] = newValue }
    }

    /// Now, by the application's clock.
    var now: Date { clock.now() }
}

extension Request {
    /// Now, by the application's clock.
    var now: Date { application.now }
}
