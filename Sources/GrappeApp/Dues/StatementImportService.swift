import Fluent
import GrappeDomain
import Vapor

/// The bank statement import: reads the file in its format, proposes a due for each credit
/// (`StatementMatching`), and records the lines staff confirmed as transfers, all in one
/// transaction, each with its line's fingerprint so that a second import of the same statement
/// records nothing twice.
enum StatementImportService {
    /// `cfonb`, or `csv:` and the name of a saved mapping.
    static func read(_ text: String, format: String, organisationID: UUID, on db: any Database) async throws -> [StatementLine] {
        if format == "cfonb" {
            do { return try CFONB120.parse(text).lines } catch { throw DuesService.Failure(description: error.description) }
        }
        guard format.hasPrefix("csv:"), let saved = try await StatementMapping.query(on: db).filter(\.$organisation.$id == organisationID)
                .filter(\.$name == String(format.dropFirst(4))).first(), let mapping = saved.mapping else {
            throw DuesService.Failure(description: "Choisissez le format du relevé.")
        }
        do { return try StatementCSV.parse(text, mapping: mapping, account: saved.name) } catch { throw DuesService.Failure(description: error.description) }
    }

    /// An open due with what the preview shows of it.
    struct OpenDue {
        let due: StatementMatching.OpenDue
        let number: String
        let company: String
    }

    static func openDues(organisationID: UUID, org: OrganisationProfile, on db: any Database) async throws -> [OpenDue] {
        let dues = try await Due.query(on: db).filter(\.$organisation.$id == organisationID)
            .join(Company.self, on: \Due.$company.$id == \Company.$id)
            .sort(\.$year).sort(\.$sequence).all()
        return try dues.compactMap { due in
            let balance = due.amount - due.paid
            guard balance > 0, let reference = due.paymentReference(org) else { return nil }
            let company = try due.joined(Company.self)
            return OpenDue(due: .init(id: try due.requireID(), reference: reference, balance: balance, payerNames: [company.name, company.legalName]),
                           number: due.number, company: company.name)
        }
    }

    static func recorded(_ lines: [StatementLine], on db: any Database) async throws -> Set<String> {
        let prints = lines.map(\.fingerprint)
        guard !prints.isEmpty else { return [] }
        return Set(try await Payment.query(on: db).filter(\.$fingerprint ~~ prints).all().compactMap(\.fingerprint))
    }

    /// Records each chosen (line, due) as a transfer, in one transaction: nothing is recorded if
    /// one fails. Lines already recorded are skipped. Returns how many were recorded.
    static func record(_ choices: [(line: StatementLine, dueID: UUID, number: Int)], organisationID: UUID, user: User, on db: any Database) async throws -> Int {
        try await db.transaction { db in
            let already = try await recorded(choices.map(\.line), on: db)
            var count = 0
            for choice in choices where !already.contains(choice.line.fingerprint) && choice.line.isCredit {
                guard let due = try await Due.find(choice.dueID, on: db), due.$organisation.id == organisationID else {
                    throw DuesService.Failure(description: "Ligne \(choice.number) : cotisation introuvable.")
                }
                do {
                    try await DuesService.recordPayment(dueID: choice.dueID, amount: choice.line.amount, paidOn: choice.line.date, method: .transfer,
                                                        reference: String(choice.line.label.prefix(100)), fingerprint: choice.line.fingerprint,
                                                        organisationID: organisationID, user: user, on: db)
                } catch let failure as DuesService.Failure {
                    throw DuesService.Failure(description: "Ligne \(choice.number) (\(due.number)) : \(failure.description)")
                }
                count += 1
            }
            return count
        }
    }
}
