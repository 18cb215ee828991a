import Fluent
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    @Suite struct DuesTests {
        @Test func yearlyCallPricesSnapshotsAndNumbersOnce() async throws {
            try await withGrappe { app in
                try await Fixtures.schedule(app, rule: .quarters)
                let small = try await Fixtures.member(app, name: "Petite", headcount: 10)
                let big = try await Fixtures.member(app, name: "Grande", headcount: 201)
                let partner = try await Fixtures.member(app, name: "Banque", headcount: 21, category: .partner)
                let late = try await Fixtures.member(app, name: "Tardive", headcount: 11, startMonth: 5)
                let client = try await Fixtures.staffClient(app)
                let called = try await client.post("/cotisations/appel", ["year": "2025", "issuedOn": "2025-02-03"])
                #expect(called.status == .seeOther)
                let dues = try await Due.query(on: app.db).sort(\.$sequence).all()
                #expect(dues.map(\.number) == ["2025-0001", "2025-0002", "2025-0003", "2025-0004"], "gap-free, in name order")
                func amount(_ c: Company) -> Int? { dues.first { $0.$company.id == c.id }?.amount }
                #expect(amount(small.company) == 60_000)
                #expect(amount(big.company) == 960_000)
                #expect(amount(partner.company) == 96_000)
                #expect(amount(late.company) == 67_500, "joined in May: 3 quarters of 90 000")
                #expect(dues.first { $0.$company.id == big.company.id }?.bracketLabel == "plus de 200 salariés")
                // Twice: nothing new.
                let again = try await client.post("/cotisations/appel", ["year": "2025"])
                #expect(try await client.get(again.location!).body.contains("Aucune nouvelle cotisation"))
                #expect(try await Due.query(on: app.db).count() == 4)
                // Snapshot: a later headcount change does not reprice the due.
                big.company.headcount = 5
                try await big.company.save(on: app.db)
                #expect(try await Due.query(on: app.db).filter(\.$company.$id == big.company.requireID()).first()?.amount == 960_000)
                // A new member later in the year continues the numbering.
                _ = try await Fixtures.member(app, name: "Après", headcount: 3)
                #expect(try await Fixtures.issueDues(app).map(\.description) == ["2025-0005"])
            }
        }

        @Test func callWithoutScheduleSaysWhy() async throws {
            try await withGrappe { app in
                _ = try await Fixtures.member(app, name: "Seule")
                await #expect(throws: DuesService.Failure.self) { try await Fixtures.issueDues(app) }
                #expect(try await Due.query(on: app.db).count() == 0)
            }
        }

        @Test func paymentsPartialFullAndOverpaymentRefused() async throws {
            try await withGrappe { app in
                let m = try await Fixtures.memberWithDue(app, name: "Payeuse", headcount: 3)
                let due = m.due
                let client = try await Fixtures.staffClient(app)
                let path = "/cotisations/\(due.id!.uuidString)"
                #expect(try await client.post(path + "/paiements", ["amount": "20000", "paidOn": "2025-03-01", "method": "cheque"]).status == .seeOther)
                var page = try await client.get(path)
                #expect(page.body.contains("Reste 40\u{202F}000\u{00A0}XPF"))
                let over = try await client.post(path + "/paiements", ["amount": "40001", "paidOn": "2025-03-02", "method": "cash"])
                #expect(over.status == .badRequest)
                #expect(over.body.contains("trop-perçu refusé"))
                #expect(over.body.contains("value=\"40001\""), "the typed amount is kept")
                for (fields, message) in [(["amount": "0", "paidOn": "2025-03-02", "method": "cash"], "supérieur à zéro"),
                                          (["amount": "abc", "paidOn": "2025-03-02", "method": "cash"], "Montant invalide"),
                                          (["amount": "1.5", "paidOn": "2025-03-02", "method": "cash"], "pas de centimes"),
                                          (["amount": "12,5", "paidOn": "2025-03-02", "method": "cash"], "pas de centimes"),
                                          (["amount": "10", "paidOn": "hier", "method": "cash"], "Date invalide"),
                                          (["amount": "10", "paidOn": "2099-01-01", "method": "cash"], "futur"),
                                          (["amount": "10", "paidOn": "2025-03-02", "method": "bitcoin"], "Mode de paiement inconnu")] {
                    let refused = try await client.post(path + "/paiements", fields)
                    #expect(refused.status == .badRequest)
                    #expect(refused.body.contains(message), "\(message)")
                }
                #expect(try await client.post(path + "/paiements", ["amount": "40 000", "paidOn": "2025-04-01", "method": "card"]).status == .seeOther)
                page = try await client.get(path)
                #expect(page.body.contains("Réglée"))
                #expect(try await Payment.query(on: app.db).count() == 2)
                let orgID = try await Fixtures.organisationID(app)
                #expect(try await DueQueries.totals(app.db, organisationID: orgID, year: 2025)[.core] == DuesTotals(count: 1, expected: 60_000, received: 60_000, paidCount: 1))
            }
        }

        @Test func adjustmentNeedsAReasonAndIsAudited() async throws {
            try await withGrappe { app in
                let m = try await Fixtures.memberWithDue(app, name: "Ajustée", headcount: 3)
                let due = m.due
                let client = try await Fixtures.staffClient(app)
                let path = "/cotisations/\(due.id!.uuidString)"
                let decimal = try await client.post(path + "/ajuster", ["amount": "12.5", "reason": "Remise"])
                #expect(decimal.status == .badRequest)
                #expect(decimal.body.contains("pas de centimes"))
                #expect(try await Due.find(due.id, on: app.db)?.amount == 60_000, "« 12.5 » does not set the due to 125 XPF")
                let noReason = try await client.post(path + "/ajuster", ["amount": "30000", "reason": ""])
                #expect(noReason.status == .badRequest)
                #expect(noReason.body.contains("Indiquez le motif"))
                #expect(try await client.post(path + "/ajuster", ["amount": "30000", "reason": "Remise start-up décidée en bureau"]).status == .seeOther)
                #expect(try await Due.find(due.id, on: app.db)?.amount == 30_000)
                let entry = try #require(try await AuditEntry.query(on: app.db).filter(\.$action == "adjust").first())
                #expect(entry.reason == "Remise start-up décidée en bureau")
                #expect(entry.actor.contains("staff@open.nc"))
                #expect(try await client.get(path).body.contains("Remise start-up"))
                try await client.post(path + "/paiements", ["amount": "20000", "paidOn": "2025-03-01", "method": "cash"])
                let below = try await client.post(path + "/ajuster", ["amount": "10000", "reason": "erreur"])
                #expect(below.body.contains("inférieur à ce qui a déjà été réglé"))
            }
        }

        @Test func feeScheduleFormRefusesHolesAndOverlaps() async throws {
            try await withGrappe { app in
                try await Fixtures.schedule(app)
                let client = try await Fixtures.staffClient(app)
                let form = try await client.get("/cotisations/baremes/2026")
                #expect(form.body.contains("value=\"960000\""), "a new year starts from the previous grid")
                var fields: [String: String] = ["rule": "quarters", "paymentDays": "30"]
                for (i, b) in FeeGrid.open2025.brackets.filter({ $0.category == .core }).enumerated() {
                    fields["core_min_\(i)"] = String(b.minHeadcount); fields["core_max_\(i)"] = b.maxHeadcount.map(String.init) ?? ""; fields["core_amount_\(i)"] = String(b.amount)
                }
                fields["partner_min_0"] = "0"; fields["partner_max_0"] = "20"; fields["partner_amount_0"] = "60000"
                fields["partner_min_1"] = "25"; fields["partner_max_1"] = ""; fields["partner_amount_1"] = "96000"
                let hole = try await client.post("/cotisations/baremes/2026", fields)
                #expect(hole.status == .badRequest)
                #expect(hole.body.contains("trou de 21 à 24 salariés"))
                fields["partner_min_1"] = "15"
                let overlap = try await client.post("/cotisations/baremes/2026", fields)
                #expect(overlap.body.contains("se chevauchent"))
                #expect(try await FeeSchedule.query(on: app.db).filter(\.$year == 2026).count() == 0)
                fields["partner_min_1"] = "21"
                fields["partner_amount_1"] = "100 000"
                #expect(try await client.post("/cotisations/baremes/2026", fields).status == .seeOther)
                let saved = try #require(try await FeeSchedule.query(on: app.db).filter(\.$year == 2026).first())
                #expect(try await DuesService.grid(saved, on: app.db).bracket(for: .partner, headcount: 30)?.amount == 100_000)
                #expect(try await client.get("/cotisations/baremes").body.contains("Barème 2026"))
            }
        }

        @Test func remindersQueueOneEmailPerSelectedDue() async throws {
            try await withGrappe { app in
                try await Fixtures.schedule(app)
                let a = try await Fixtures.member(app, name: "Retard A")
                let b = try await Fixtures.member(app, name: "Retard B")
                _ = try await Fixtures.issueDues(app)
                let client = try await Fixtures.staffClient(app)
                let list = try await client.get("/cotisations/relances")
                #expect(list.body.contains("Retard A") && list.body.contains("Retard B"))
                #expect(list.body.contains(" j</td>"), "days overdue are shown")
                let dueA = try await Fixtures.due(app, company: a.company)
                let dueB = try await Fixtures.due(app, company: b.company)
                #expect(list.body.contains("value=\"\(dueA.id!.uuidString)\" aria-label=\"Relancer \(dueA.number)\">"), "nothing ticked before the staff has seen the message")
                // Ticking leads to the preview: the message as sent, the recipients, the count; nothing queued yet.
                let preview = try await client.post("/cotisations/relances", [("dues[]", dueA.id!.uuidString), ("dues[]", dueB.id!.uuidString)])
                #expect(preview.status == .ok)
                let batch = try await ReminderBatch.load(dueIDs: [dueA.id!, dueB.id!], organisationID: dueA.$organisation.id, app: app, on: app.db)
                let example = try #require(batch.entries.first)
                #expect(preview.body.contains(HTML.escape(example.text.subject)))
                #expect(preview.body.contains(HTML.escape(example.text.body)))
                #expect(preview.body.contains(HTML.escape(a.person.email)) && preview.body.contains(HTML.escape(b.person.email)))
                #expect(preview.body.contains("Envoyer 2 relances"))
                #expect(try await OutboxMessage.query(on: app.db).filter(\.$kind == "dues_reminder").count() == 0)
                #expect(try await Due.find(dueA.id, on: app.db)?.reminderCount == 0)
                #expect(try await client.post("/cotisations/relances", [("dues[]", dueA.id!.uuidString), ("confirme", "1")]).status == .seeOther)
                let mails = try await OutboxMessage.query(on: app.db).filter(\.$kind == "dues_reminder").all()
                #expect(mails.count == 1)
                #expect(mails.first?.recipient == a.person.email)
                #expect(mails.first?.body.contains("60\u{202F}000\u{00A0}XPF") == true)
                let org = try await app.currentOrganisation(on: app.db)
                let reference = try #require(dueA.paymentReference(org))
                #expect(mails.first?.body.contains("Référence à rappeler : \(reference)") == true, "no bank details set: the reference alone")
                #expect(try await Due.find(dueA.id, on: app.db)?.reminderCount == 1)
                let none = try await client.post("/cotisations/relances", [String: String]())
                #expect(try await client.get(none.location!).body.contains("Cochez au moins une cotisation"))
            }
        }

        @Test func dashboardChartsAndPrintables() async throws {
            try await withGrappe(demo: true) { app in
                let client = TestClient(app)
                try await client.login(DemoData.managerEmail)
                let page = try await client.get("/cotisations?annee=2025")
                #expect(page.body.contains("<svg"))
                #expect(page.body.contains("-title\">Cotisations 2025"))
                #expect(page.body.contains("<desc id=\"chart-"), "the chart says its values in words")
                #expect(page.body.contains("Cœur de filière"))
                #expect(try await client.get("/cotisations?annee=2025&etat=unpaid&page=2").status == .ok)
                #expect(try await client.get("/tableau-de-bord").body.contains("Cotisations reçues"))
                let due = try #require(try await Due.query(on: app.db).filter(\.$year == 2025).first())
                let call = try await client.get("/cotisations/\(due.id!.uuidString)/appel")
                #expect(call.body.contains("Appel de cotisation 2025"))
                #expect(call.body.contains("Organisation des Professionnels de l&#39;Économie Numérique"))
                let csv = try await client.get("/cotisations/export.csv?annee=2025")
                #expect(csv.headers.first(name: .contentType)?.contains("text/csv") == true)
                #expect(csv.body.hasPrefix("\u{FEFF}numero;entreprise"))
                #expect(csv.body.components(separatedBy: "\r\n").count == 102)
            }
        }
    }
}
