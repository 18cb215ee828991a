import Foundation

/// Where an edition of the CTF stands. Staff move it forward; the clock decides the rest.
public enum CTFEditionStatus: String, CaseIterable, Sendable, Codable {
    case draft, registration, running, frozen, ended

    public var label: String {
        switch self {
        case .draft: "brouillon"
        case .registration: "inscriptions"
        case .running: "en cours"
        case .frozen: "gelé"
        case .ended: "terminé"
        }
    }

    /// The statuses staff may move this one to: the next one, or back one step to fix a mistake.
    public var moves: [CTFEditionStatus] {
        let all = Self.allCases
        let i = all.firstIndex(of: self)!
        return [i > 0 ? all[i - 1] : nil, i + 1 < all.count ? all[i + 1] : nil].compactMap { $0 }
    }
}

/// The times of an edition and what they allow.
public struct CTFSchedule: Sendable, Equatable {
    public let startsAt: Date
    public let endsAt: Date
    public let registrationOpensAt: Date
    public let registrationClosesAt: Date
    public let freezeAt: Date?

    public init(startsAt: Date, endsAt: Date, registrationOpensAt: Date, registrationClosesAt: Date, freezeAt: Date?) {
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.registrationOpensAt = registrationOpensAt
        self.registrationClosesAt = registrationClosesAt
        self.freezeAt = freezeAt
    }

    /// What is wrong with a set of times: the time to correct and why, in French.
    public struct Problem: Sendable, Equatable {
        public enum Field: Sendable, Equatable { case end, registrationCloses, freeze }
        public let field: Field
        public let french: String
    }

    /// Why these times do not make an edition; nil when they do.
    public var issue: Problem? {
        if endsAt <= startsAt { return Problem(field: .end, french: "La fin de la compétition doit suivre son début.") }
        if registrationClosesAt <= registrationOpensAt {
            return Problem(field: .registrationCloses, french: "La clôture des inscriptions doit suivre leur ouverture.")
        }
        if registrationClosesAt > endsAt {
            return Problem(field: .registrationCloses, french: "Les inscriptions doivent fermer avant la fin de la compétition.")
        }
        if let f = freezeAt, f <= startsAt || f > endsAt {
            return Problem(field: .freeze, french: "Le gel du classement doit tomber pendant la compétition.")
        }
        return nil
    }

    /// `issue`'s French words.
    public var problem: String? { issue?.french }

    public func acceptsRegistration(_ status: CTFEditionStatus, at now: Date) -> Bool {
        (status == .registration || status == .running) && now >= registrationOpensAt && now < registrationClosesAt
    }

    /// Flags are checked while the edition runs (frozen included), between its start and its end.
    public func acceptsSubmissions(_ status: CTFEditionStatus, at now: Date) -> Bool {
        (status == .running || status == .frozen) && now >= startsAt && now < endsAt
    }

    /// Players see the board as it stood at the freeze from the freeze until the edition is
    /// declared over; staff always see the live board. Nil: the live board.
    public func boardCutoff(_ status: CTFEditionStatus, at now: Date, staff: Bool) -> Date? {
        guard !staff, status != .ended else { return nil }
        if status == .frozen { return min(freezeAt ?? now, now) }
        if let f = freezeAt, now >= f { return f }
        return nil
    }
}
