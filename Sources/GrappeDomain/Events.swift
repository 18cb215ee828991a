import Foundation

/// The charter's five strategic axes, used to tag events, projects and programmes.
public enum StrategicAxis: Int, CaseIterable, Codable, Sendable {
    case administration = 1, network, sector, promotion, business

    public var label: String {
        switch self {
        case .administration: "L'administration du cluster"
        case .network: "L'animation du réseau"
        case .sector: "Le renforcement de la filière"
        case .promotion: "La promotion du numérique"
        case .business: "Le développement du business"
        }
    }

    /// What the axis is for, as the charter says it.
    public var purpose: String {
        switch self {
        case .administration: "pour améliorer son efficacité, trouver des financements et recruter des membres."
        case .network: "pour structurer l'écosystème calédonien, et créer des passerelles entre les acteurs."
        case .sector: "pour améliorer le niveau des compétences et le financement du numérique."
        case .promotion: "pour sensibiliser le tissu économique et les décideurs, et valoriser les adhérents."
        case .business: "pour faciliter l'accession aux marchés et se positionner à l'export."
        }
    }

    /// "2,4" → [.network, .promotion]; unknown numbers are dropped.
    public static func parse(_ text: String) -> [StrategicAxis] {
        Array(Set(text.split(separator: ",").compactMap { Int($0).flatMap(StrategicAxis.init(rawValue:)) })).sorted { $0.rawValue < $1.rawValue }
    }

    public static func serialize(_ axes: [StrategicAxis]) -> String {
        Array(Set(axes)).map(\.rawValue).sorted().map(String.init).joined(separator: ",")
    }
}

public enum EventKind: String, CaseIterable, Codable, Sendable {
    case croissant, openLunch = "open_lunch", afterwork, generalAssembly = "general_assembly", salon, ctf, other

    public var label: String {
        switch self {
        case .croissant: "Croissant numérique"
        case .openLunch: "Open Lunch"
        case .afterwork: "Afterwork"
        case .generalAssembly: "Assemblée générale"
        case .salon: "Salon"
        case .ctf: "Hackagou (CTF)"
        case .other: "Autre"
        }
    }
}

public enum EventStatus: String, CaseIterable, Codable, Sendable {
    case planned, standby, cancelled, done

    public var label: String {
        switch self {
        case .planned: "Prévu"
        case .standby: "En suspens"
        case .cancelled: "Annulé"
        case .done: "Terminé"
        }
    }

    public var acceptsRegistrations: Bool { self == .planned }
}

public enum RegistrationStatus: String, CaseIterable, Codable, Sendable {
    case confirmed, waitlisted, cancelled

    public var label: String {
        switch self {
        case .confirmed: "Inscrit"
        case .waitlisted: "Liste d'attente"
        case .cancelled: "Annulé"
        }
    }
}

/// Seats and the waiting list. `capacity == 0` means no limit.
public enum RegistrationBook {
    /// Status of a new registration given the seats already taken.
    public static func statusForNew(capacity: Int, confirmed: Int) -> RegistrationStatus {
        capacity <= 0 || confirmed < capacity ? .confirmed : .waitlisted
    }

    /// How many people from the head of the waiting list get a seat (after a cancellation or a
    /// larger capacity).
    public static func promotions(capacity: Int, confirmed: Int, waiting: Int) -> Int {
        guard waiting > 0 else { return 0 }
        if capacity <= 0 { return waiting }
        return max(0, min(waiting, capacity - confirmed))
    }
}
