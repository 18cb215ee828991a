import NIOConcurrencyHelpers
import Vapor

/// A fixed-window counter per key (an address, an address and an email…), in memory: per
/// instance, so that behind several instances a key gets up to one budget per instance — a
/// limit on guessing, not an exact quota.
final class RateLimiter: Sendable {
    private let state = NIOLockedValueBox<[String: (start: Date, count: Int)]>([:])
    let limit: Int
    let window: TimeInterval
    /// Keys kept before the expired ones are swept.
    let capacity: Int

    init(limit: Int, window: TimeInterval, capacity: Int = 50_000) {
        self.limit = limit
        self.window = window
        self.capacity = capacity
    }

    /// Counts one attempt; false when the key is over its limit for the current window.
    func allow(_ key: String, now: Date = Date()) -> Bool {
        state.withLockedValue { table in
            if table.count > capacity { table = table.filter { now.timeIntervalSince($0.value.start) < window } }
            var entry = table[key] ?? (now, 0)
            if now.timeIntervalSince(entry.start) >= window { entry = (now, 0) }
            entry.count += 1
            table[key] = entry
            return entry.count <= limit
        }
    }

    /// Whether the key has used its budget for the current window, without counting.
    func isOver(_ key: String, now: Date = Date()) -> Bool {
        state.withLockedValue { table in
            guard let entry = table[key], now.timeIntervalSince(entry.start) < window else { return false }
            return entry.count >= limit
        }
    }

    /// Counts one failure against the key.
    func fail(_ key: String, now: Date = Date()) {
        _ = allow(key, now: now)
    }

    /// Forgets the key's count (a successful login clears its account's failures).
    func clear(_ key: String) {
        _ = state.withLockedValue { $0.removeValue(forKey: key) }
    }
}

extension Application {
    private struct LoginLimiterKey: StorageKey { typealias Value = RateLimiter }
    private struct PublicFormLimiterKey: StorageKey { typealias Value = RateLimiter }
    private struct AccountLimiterKey: StorageKey { typealias Value = RateLimiter }

    /// Failed logins per account, from any address.
    var accountLoginLimiter: RateLimiter {
        get {
            guard let limiter = storage[AccountLimiterKey.self] else { fatalError("accountLoginLimiter read before configure()") }
            return limiter
        }
        set { storage[AccountLimiterKey.self] = newValue }
    }

    /// Public forms (event registration…) per client address.
    var publicFormLimiter: RateLimiter {
        get {
            guard let limiter = storage[PublicFormLimiterKey.self] else { fatalError("publicFormLimiter read before configure()") }
            return limiter
        }
        set { storage[PublicFormLimiterKey.self] = newValue }
    }

    /// Failed logins, and password-reset requests, per client address.
    var loginLimiter: RateLimiter {
        get {
            guard let limiter = storage[LoginLimiterKey.self] else { fatalError("loginLimiter read before configure()") }
            return limiter
        }
        set { storage[LoginLimiterKey.self] = newValue }
    }
}
