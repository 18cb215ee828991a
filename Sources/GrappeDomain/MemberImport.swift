import Foundation
/// The CSV format of the member list, shared by the import and the export so that an exported
/// file can be edited and imported again. An optional `titulaire_fonction` column sets the
/// holder's role; without it (or empty) a known holder keeps theirs.
public enum MemberCSV {
    public static let header = [
        "nom", "raison_sociale", "ridet", "adresse", "commune", "site_web", "email", "telephone",
        "effectif", "categorie", "statut", "domaines", "fondateur", "profil_public", "description",
        "titulaire_prenom", "titulaire_nom", "titulaire_email", "titulaire_genre",
    ]

    /// One valid line of an import file.
    public struct Line: Equatable, Sendable {
        public var lineNumber: Int
        public var company: CompanyDraft
        public var category: MembershipCategory
        public var status: MembershipStatus
        public var holder: PersonDraft?
    }

    /// A refused line with every reason found.
    public struct Rejection: Equatable, Sendable {
        public var lineNumber: Int
        public var name: String
        public var reasons: [String]
    }

    public struct Parsed: Equatable, Sendable {
        public var lines: [Line] = []
        public var rejections: [Rejection] = []
        public var fileError: String? = nil
    }

    static let labels: [String: String] = [
        "name": "nom", "legalName": "raison sociale", "ridet": "RIDET", "address": "adresse", "commune": "commune",
        "website": "site web", "email": "e-mail", "phone": "téléphone", "headcount": "effectif", "description": "description",
        "logoURL": "logo", "domains": "domaines", "holder.firstName": "prénom du titulaire", "holder.lastName": "nom du titulaire",
        "holder.email": "e-mail du titulaire", "holder.phone": "téléphone du titulaire", "holder.gender": "genre du titulaire",
    ]

    /// Parses and checks a whole file. Duplicate companies inside the file (same RIDET, or same
    /// name without RIDET) are rejected after their first line.
    public static func parse(_ text: String, knownDomains: [String], maxLines: Int = 5000) -> Parsed {
        var result = Parsed()
        let rows = CSVTable.parse(text)
        guard let headerRow = rows.first else {
            result.fileError = "Le fichier est vide."
            return result
        }
        let columns = headerRow.map { TextFolding.fold($0).replacingOccurrences(of: " ", with: "_") }
        guard columns.contains("nom") else {
            result.fileError = "La première ligne doit nommer les colonnes, dont « nom » (colonnes attendues : \(header.joined(separator: ";")))."
            return result
        }
        guard rows.count - 1 <= maxLines else {
            result.fileError = "Le fichier compte \(rows.count - 1) lignes ; \(maxLines) au maximum par import."
            return result
        }
        var seen = Set<String>()
        for (offset, row) in rows.dropFirst().enumerated() {
            let lineNumber = offset + 2
            var cells: [String: String] = [:]
            for (index, column) in columns.enumerated() where index < row.count { cells[column] = row[index] }
            let cell = { (key: String) in cells[key] ?? "" }
            var reasons: [String] = []
            var company = CompanyDraft()
            company.name = cell("nom"); company.legalName = cell("raison_sociale"); company.ridet = cell("ridet")
            company.address = cell("adresse"); company.commune = cell("commune"); company.website = cell("site_web")
            company.email = cell("email"); company.phone = cell("telephone"); company.headcount = cell("effectif")
            company.description = cell("description")
            company.domains = cell("domaines").split(whereSeparator: { $0 == "|" || $0 == "," }).map(String.init)
            for (field, message) in company.validate(knownDomains: knownDomains).sorted(by: { $0.key < $1.key }) {
                reasons.append("\(labels[field] ?? field) : \(message)")
            }
            if let founding = FieldCheck.flag(cell("fondateur")) { company.founding = founding } else { reasons.append("fondateur : « oui » ou « non » attendu.") }
            if let consent = FieldCheck.flag(cell("profil_public")) { company.publicProfile = consent } else { reasons.append("profil_public : « oui » ou « non » attendu.") }
            let categoryText = cell("categorie")
            let category = categoryText.isEmpty ? MembershipCategory.core : MembershipCategory(loose: categoryText)
            if category == nil { reasons.append("catégorie : « cœur de filière » ou « partenaire » attendu.") }
            let statusText = TextFolding.fold(cell("statut"))
            let status = statusText.isEmpty ? MembershipStatus.active : MembershipStatus.allCases.first {
                $0.rawValue == statusText || TextFolding.fold($0.label) == statusText
            }
            if status == nil { reasons.append("statut : « actif », « candidat », « non renouvelé » ou « démission » attendu.") }
            var holder = PersonDraft(firstName: cell("titulaire_prenom"), lastName: cell("titulaire_nom"),
                                     email: cell("titulaire_email"), gender: cell("titulaire_genre"), role: cell("titulaire_fonction"))
            var holderValue: PersonDraft? = nil
            if !holder.isBlank {
                for (field, message) in holder.validate(prefix: "holder.").sorted(by: { $0.key < $1.key }) {
                    reasons.append("\(labels[field] ?? field) : \(message)")
                }
                holderValue = holder
            }
            let key = company.ridet.isEmpty ? "name:" + TextFolding.fold(company.name) : "ridet:" + company.ridet
            if reasons.isEmpty && seen.contains(key) {
                reasons.append("doublon : cette entreprise figure déjà plus haut dans le fichier.")
            }
            if reasons.isEmpty, let category, let status {
                seen.insert(key)
                result.lines.append(Line(lineNumber: lineNumber, company: company, category: category, status: status, holder: holderValue))
            } else {
                result.rejections.append(Rejection(lineNumber: lineNumber, name: String(company.name.prefix(120)), reasons: reasons))
            }
        }
        return result
    }
}
