import Foundation

/// The audiences a programme counts among its participants.
public enum Audience: String, CaseIterable, Codable, Sendable {
    case smallBusiness = "tpe_pme", disability = "handicap", jobSeekers = "demandeurs_emploi", rural, youth = "jeunes",
         seniors, students = "etudiants", general = "grand_public"

    public var label: String {
        switch self {
        case .smallBusiness: "TPE / PME"
        case .disability: "Personnes en situation de handicap"
        case .jobSeekers: "Demandeurs d'emploi"
        case .rural: "Public rural (hors Grand Nouméa)"
        case .youth: "Jeunes"
        case .seniors: "Seniors"
        case .students: "Étudiants"
        case .general: "Grand public"
        }
    }

    /// Reads a code or a label, accents and case ignored.
    public init?(loose text: String) {
        let folded = TextFolding.fold(text)
        guard let match = Audience.allCases.first(where: { $0.rawValue == folded || TextFolding.fold($0.label) == folded }) else { return nil }
        self = match
    }
}

/// Participants per audience, stored as « tpe_pme=12;handicap=4 ».
public enum AudienceCounts {
    public static func parse(_ text: String) -> [String: Int] {
        var out: [String: Int] = [:]
        for part in text.split(whereSeparator: { $0 == ";" || $0 == "|" || $0 == "," }) {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, let audience = Audience(loose: pair[0]), let n = Int(pair[1]), n >= 0 else { continue }
            out[audience.rawValue, default: 0] += n
        }
        return out
    }

    public static func serialize(_ counts: [String: Int]) -> String {
        counts.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
    }
}

/// A programme action as typed in the form or a CSV line, checked.
public struct ActionDraft: Equatable, Sendable {
    public var date = "", theme = "", commune = "", animator = "", animators = "", participants = "", audiences = "", duration = "", notes = ""
    public init() {}

    /// Field → French message. `animatorNames` are the consortium companies' names (an empty
    /// animator is allowed: the cluster itself). `today` refuses actions more than a year ahead.
    public func validate(animatorNames: [String], today: Date) -> [String: String] {
        var errors: [String: String] = [:]
        if let day = FrenchDate.parse(date) {
            if day.timeIntervalSince(today) > 366 * 86400 { errors["date"] = "Date trop lointaine (plus d'un an)." }
        } else {
            errors["date"] = "Date invalide (jj/mm/aaaa ou aaaa-mm-jj)."
        }
        let t = FieldCheck.trimmed(theme)
        if t.isEmpty { errors["theme"] = "Le thème est obligatoire." } else if t.count > 200 { errors["theme"] = "200 caractères au maximum." }
        if Communes.canonical(commune) == nil { errors["commune"] = "« \(commune.prefix(40)) » n'est pas une commune de Nouvelle-Calédonie." }
        let a = FieldCheck.trimmed(animator)
        if !a.isEmpty && !animatorNames.contains(where: { TextFolding.fold($0) == TextFolding.fold(a) }) {
            errors["animator"] = "« \(a.prefix(60)) » ne fait pas partie du consortium du programme."
        }
        if animators.count > 300 { errors["animators"] = "300 caractères au maximum." }
        let n = Int(FieldCheck.trimmed(participants))
        if n == nil || n! < 0 || n! > 100_000 { errors["participants"] = "Nombre de participants invalide (entier de 0 à 100 000)." }
        let counts = AudienceCounts.parse(audiences)
        let unreadable = audiences.split(whereSeparator: { $0 == ";" || $0 == "|" || $0 == "," }).contains { part in
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            return !(pair.count == 2 && Audience(loose: pair[0]) != nil && Int(pair[1]).map { $0 >= 0 } == true)
                && !FieldCheck.trimmed(String(part)).isEmpty
        }
        if unreadable { errors["audiences"] = "Publics illisibles : écrivez par exemple « tpe_pme=12;handicap=4 »." }
        if let n, counts.values.contains(where: { $0 > n }) { errors["audiences"] = "Un public ne peut pas dépasser le nombre de participants." }
        if !duration.isEmpty, (Int(FieldCheck.trimmed(duration)).map { $0 < 0 || $0 > 24 * 60 } ?? true) {
            errors["duration"] = "Durée invalide (minutes, de 0 à 1 440)."
        }
        if notes.count > 2000 { errors["notes"] = "2 000 caractères au maximum." }
        return errors
    }
}

/// The bulk import of actions: « date;theme;commune;animateur;animateurs;participants;publics;duree;notes ».
public enum ActionCSV {
    public static let header = ["date", "theme", "commune", "animateur", "animateurs", "participants", "publics", "duree", "notes"]

    public struct Parsed: Equatable, Sendable {
        public var lines: [(Int, ActionDraft)] = []
        public var rejections: [(line: Int, reasons: [String])] = []
        public var fileError: String?
        public static func == (a: Parsed, b: Parsed) -> Bool {
            a.lines.map(\.0) == b.lines.map(\.0) && a.lines.map(\.1) == b.lines.map(\.1) && a.fileError == b.fileError
                && a.rejections.map(\.line) == b.rejections.map(\.line) && a.rejections.map(\.reasons) == b.rejections.map(\.reasons)
        }
    }

    static let labels = ["date": "date", "theme": "thème", "commune": "commune", "animator": "animateur", "animators": "animateurs",
                         "participants": "participants", "audiences": "publics", "duration": "durée", "notes": "notes"]

    public static func parse(_ text: String, animatorNames: [String], today: Date, maxLines: Int = 5000) -> Parsed {
        var result = Parsed()
        let rows = CSVTable.parse(text)
        guard let headerRow = rows.first else { result.fileError = "Le fichier est vide."; return result }
        let columns = headerRow.map { TextFolding.fold($0).replacingOccurrences(of: " ", with: "_") }
        guard columns.contains("date"), columns.contains("participants") else {
            result.fileError = "La première ligne doit nommer les colonnes : \(header.joined(separator: ";"))."
            return result
        }
        guard rows.count - 1 <= maxLines else { result.fileError = "\(rows.count - 1) lignes : \(maxLines) au maximum par import."; return result }
        for (offset, row) in rows.dropFirst().enumerated() where !row.allSatisfy({ FieldCheck.trimmed($0).isEmpty }) {
            var cells: [String: String] = [:]
            for (index, column) in columns.enumerated() where index < row.count { cells[column] = row[index] }
            var d = ActionDraft()
            d.date = cells["date"] ?? ""; d.theme = cells["theme"] ?? ""; d.commune = cells["commune"] ?? ""
            d.animator = cells["animateur"] ?? ""; d.animators = cells["animateurs"] ?? ""; d.participants = cells["participants"] ?? ""
            d.audiences = cells["publics"] ?? ""; d.duration = cells["duree"] ?? ""; d.notes = cells["notes"] ?? ""
            let errors = d.validate(animatorNames: animatorNames, today: today)
            if errors.isEmpty {
                result.lines.append((offset + 2, d))
            } else {
                result.rejections.append((offset + 2, errors.sorted { $0.key < $1.key }.map { "\(labels[$0.key] ?? $0.key) : \($0.value)" }))
            }
        }
        return result
    }
}
