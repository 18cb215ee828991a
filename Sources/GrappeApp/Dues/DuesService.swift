import Fluent
import GrappeDomain
import SQLKit
import Vapor

/// The rules that change dues: the yearly call, payments and adjustments. Each runs in one
/// transaction with its audit entries.
enum DuesService {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static func grid(_ schedule: FeeSchedule, on db: any Database) async throws -> FeeGrid {
        let lines = try await FeeScheduleBracket.query(on: db).filter(\.$schedule.$id == schedule.requireID()).all()
        do {
            return try FeeGrid(brackets: lines.map(\.domain))
        } catch {
            throw Failure(description: "Le barème \(schedule.year) est incomplet : \(error.description)")
        }
    }

    /// The lock that keeps a year's due numbers gap-free and unique when two calls run at once.
    static func numberingKey(_ organisationID: UUID, _ year: Int) -> String { "dues:\(organisationID):\(year)" }

    /// Issues one due per active membership of `year` that has none yet. Running it again
    /// creates nothing. Returns the numbers issued.
    static func issueCall(year: Int, issuedOn: Date, organisationID: UUID, user: User?, on db: any Database) async throws -> [DueNumber] {
        try await db.transaction { db in
            try await issuePending(year: year, issuedOn: issuedOn, organisationID: organisationID, user: user, on: db).map(\.number)
        }
    }

    /// The call's work, inside the caller's transaction: the dues issued, in number order.
    static func issuePending(year: Int, issuedOn: Date, organisationID: UUID, user: User?, on db: any Database) async throws -> [(number: DueNumber, due: Due)] {
        try await TransactionLock.acquire(numberingKey(organisationID, year), on: db)
        guard let schedule = try await FeeSchedule.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$year == year).first() else {
            throw Failure(description: "Aucun barème pour \(year) : créez-le avant de lancer l'appel.")
        }
        let grid = try await grid(schedule, on: db)
        let memberships = try await Membership.query(on: db)
            .join(Company.self, on: \Membership.$company.$id == \Company.$id)
            .filter(Company.self, \.$organisation.$id == organisationID)
            .filter(\.$year == year).filter(\.$status == .active)
            .all()
        let existing = Set(try await Due.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$year == year).all(\.$membership.$id))
        let pending = try memberships.filter { !existing.contains(try $0.requireID()) }
            .sorted { (try $0.joined(Company.self).name.lowercased()) < (try $1.joined(Company.self).name.lowercased()) }
        let highest = try await Due.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$year == year).max(\.$sequence)
        let numbers = DueNumber.next(year: year, after: highest, count: pending.count)
        var issued: [(number: DueNumber, due: Due)] = []
        for (membership, number) in zip(pending, numbers) {
            issued.append((number, try await issue(membership: membership, company: try membership.joined(Company.self), number: number, schedule: schedule, grid: grid,
                                                   issuedOn: issuedOn, organisationID: organisationID, user: user, on: db)))
        }
        return issued
    }

    /// Issues the due of one membership now (a member admitted during the year), numbered
    /// after the year's last due. Call inside a transaction.
    @discardableResult
    static func issueOne(membership: Membership, company: Company, issuedOn: Date, organisationID: UUID, user: User?, on db: any Database) async throws -> Due {
        guard let schedule = try await FeeSchedule.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$year == membership.year).first() else {
            throw Failure(description: "Aucun barème pour \(membership.year) : créez-le avant d'admettre un adhérent.")
        }
        try await TransactionLock.acquire(numberingKey(organisationID, membership.year), on: db)
        let highest = try await Due.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$year == membership.year).max(\.$sequence)
        let number = DueNumber.next(year: membership.year, after: highest, count: 1)[0]
        return try await issue(membership: membership, company: company, number: number, schedule: schedule, grid: try await grid(schedule, on: db),
                               issuedOn: issuedOn, organisationID: organisationID, user: user, on: db)
    }

    @discardableResult
    static func issue(membership: Membership, company: Company, number: DueNumber, schedule: FeeSchedule, grid: FeeGrid,
                      issuedOn: Date, organisationID: UUID, user: User?, on db: any Database) async throws -> Due {
        let year = membership.year
        guard let bracket = grid.bracket(for: membership.category, headcount: company.headcount) else {
            throw Failure(description: "Aucune tranche du barème ne couvre \(company.name) (\(company.headcount) salariés).")
        }
        let joinMonth = FrenchDate.year(of: membership.startDate) == year && FrenchDate.month(of: membership.startDate) > 1
            ? FrenchDate.month(of: membership.startDate) : nil
        let amount = schedule.proRataRule.amount(yearly: bracket.amount, joinMonth: joinMonth)
        let dueOn = FrenchDate.calendar.date(byAdding: .day, value: schedule.paymentDays, to: issuedOn) ?? issuedOn
        let due = Due(organisationID: organisationID, membershipID: try membership.requireID(), companyID: try company.requireID(),
                      number: number, category: membership.category, headcount: company.headcount, bracketLabel: bracket.label,
                      baseAmount: bracket.amount, amount: amount, issuedOn: issuedOn, dueOn: dueOn)
        try await due.create(on: db)
        try await Audit.record(on: db, organisationID: organisationID, user: user, entity: "due", entityID: try due.requireID(),
                               action: "issue", changes: ["montant": ("", Money.xpf(amount)), "numéro": ("", number.description)])
        return due
    }

    /// Records a payment; refuses zero, negative and anything above the balance. `fingerprint`:
    /// the bank-statement line it comes from, if any (unique: see `StatementImportService`).
    static func recordPayment(dueID: UUID, amount: Int, paidOn: Date, method: PaymentMethod, reference: String, fingerprint: String? = nil,
                              organisationID: UUID, user: User?, on db: any Database) async throws {
        try await db.transaction { db in
            try await TransactionLock.acquire("due:\(dueID)", on: db)
            guard let summary = try await DueQueries.summary(db, dueID: dueID) else { throw Abort(.notFound) }
            guard amount > 0 else { throw Failure(description: "Le montant doit être supérieur à zéro.") }
            guard summary.balance > 0 else { throw Failure(description: "Cette cotisation est déjà réglée.") }
            guard amount <= summary.balance else {
                throw Failure(description: "Le montant dépasse le reste dû (\(Money.xpf(summary.balance))) : trop-perçu refusé.")
            }
            let payment = Payment(dueID: dueID, paidOn: paidOn, amount: amount, method: method, reference: reference, recordedBy: user?.id, fingerprint: fingerprint)
            try await payment.create(on: db)
            try await addPaid(amount, to: dueID, on: db)
            try await Audit.record(on: db, organisationID: organisationID, user: user, entity: "due", entityID: dueID, action: "payment",
                                   changes: ["paiement": ("", "\(Money.xpf(amount)) par \(method.label.lowercased()) le \(FrenchDate.short(paidOn))\(reference.isEmpty ? "" : " (réf. \(reference))")"),
                                             "reste dû": (Money.xpf(summary.balance), Money.xpf(summary.balance - amount))])
        }
    }

    /// Keeps `dues.paid`, the sum of a due's payments, in the transaction that adds or removes one.
    static func addPaid(_ amount: Int, to dueID: UUID, on db: any Database) async throws {
        try await db.sql.raw("UPDATE dues SET paid = paid + \(bind: amount) WHERE id = \(bind: dueID)").run()
    }

    /// Removes a payment recorded by mistake; the reason is kept in the audit log.
    static func cancelPayment(paymentID: UUID, dueID: UUID, reason: String, organisationID: UUID, user: User?, on db: any Database) async throws {
        guard !reason.isEmpty else { throw Failure(description: "Indiquez le motif de l'annulation.") }
        try await db.transaction { db in
            try await TransactionLock.acquire("due:\(dueID)", on: db)
            guard let payment = try await Payment.find(paymentID, on: db), payment.$due.id == dueID else { throw Abort(.notFound) }
            try await payment.delete(on: db)
            try await addPaid(-payment.amount, to: dueID, on: db)
            try await Audit.record(on: db, organisationID: organisationID, user: user, entity: "due", entityID: dueID, action: "cancel_payment",
                                   changes: ["paiement annulé": ("\(Money.xpf(payment.amount)) par \(payment.method.label.lowercased()) le \(FrenchDate.short(payment.paidOn))", "")],
                                   reason: reason)
        }
    }

    /// Changes a due's amount, with a reason kept in the audit log. The new amount cannot be
    /// below what was already paid.
    static func adjust(dueID: UUID, newAmount: Int, reason: String, organisationID: UUID, user: User?, on db: any Database) async throws {
        try await db.transaction { db in
            try await TransactionLock.acquire("due:\(dueID)", on: db)
            guard let due = try await Due.find(dueID, on: db), let summary = try await DueQueries.summary(db, dueID: dueID) else { throw Abort(.notFound) }
            guard newAmount >= 0 else { throw Failure(description: "Le montant ne peut pas être négatif.") }
            guard newAmount >= summary.paid else {
                throw Failure(description: "Le montant ne peut pas être inférieur à ce qui a déjà été réglé (\(Money.xpf(summary.paid))).")
            }
            guard !reason.isEmpty else { throw Failure(description: "Indiquez le motif de l'ajustement.") }
            guard newAmount != due.amount else { throw Failure(description: "Le montant est inchangé.") }
            let before = due.amount
            due.amount = newAmount
            try await due.save(on: db)
            try await Audit.record(on: db, organisationID: organisationID, user: user, entity: "due", entityID: dueID, action: "adjust",
                                   changes: ["montant": (Money.xpf(before), Money.xpf(newAmount))], reason: reason)
        }
    }
}
