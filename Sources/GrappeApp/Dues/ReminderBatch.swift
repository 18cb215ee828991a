import Fluent
import Foundation
import GrappeDomain
import Vapor

/// The reminders a set of dues would send, each with its address and its text exactly as it
/// goes out: what the preview shows (`ReminderView.preview`) and what `ReminderController`
/// queues. Paid dues and dues with no address are left out (`skipped` counts them).
struct ReminderBatch {
    struct Entry {
        let due: Due
        let balance: Int
        let address: String
        let text: MailText
    }

    let entries: [Entry]
    let skipped: Int

    /// Everything loaded in a few queries whatever the number of dues.
    static func load(dueIDs: [UUID], organisationID: UUID, app: Application, on db: any Database) async throws -> ReminderBatch {
        let org = try await app.currentOrganisation(on: db)
        let dues = try await Due.query(on: db).filter(\.$id ~~ dueIDs).filter(\.$organisation.$id == organisationID)
            .with(\.$company).with(\.$membership) { $0.with(\.$holder) }.sort(\.$dueOn).sort(\.$number).all()
        let balances = Dictionary(try await DueQueries.summaries(db, dueIDs: dueIDs).map { ($0.id, $0.balance) }, uniquingKeysWith: { a, _ in a })
        let bank = try await PaymentSettings.of(organisationID, on: db).details
        var entries: [Entry] = []
        for due in dues {
            let id = try due.requireID()
            let company = due.company
            let holder = due.membership.holder
            guard let balance = balances[id], balance > 0,
                  let address = holder.flatMap({ FieldCheck.isEmail($0.email) ? $0.email : nil }) ?? (FieldCheck.isEmail(company.email) ? company.email : nil)
            else { continue }
            let text = DuesMails.reminder(holder: holder?.fullName, company: company.name, year: due.year, number: due.number, balance: balance,
                                          dueOn: due.dueOn, link: app.baseURL + Site.duePrintCall.path(id),
                                          payment: BankDetailsView.mailText(bank, reference: due.paymentReference(org)), organisation: org)
            entries.append(Entry(due: due, balance: balance, address: address, text: text))
        }
        return ReminderBatch(entries: entries, skipped: Set(dueIDs).count - entries.count)
    }
}
