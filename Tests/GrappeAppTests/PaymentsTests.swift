import Fluent
import Foundation
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// Getting paid: the bank details under Réglages, printed with each due's payment reference,
    /// and the bank statement import matched to dues.
    @Suite struct PaymentsTests {
        static let iban = "NC49 1749 9000 1012 3456 7890 102"
        static let bank = ["iban": iban, "bic": "CBCINCNX", "bankName": "Banque Calédonienne d'Investissement", "accountHolder": "Association OPEN NC"]

        /// A CFONB 120 record laid out as the banks write it.
        static func cfonb(_ code: String, _ ddmmyy: String, _ amount: Int, label: String = "", reference: String = "") -> String {
            var chars = Array(repeating: Character(" "), count: 120)
            func put(_ position: Int, _ text: String) { for (i, c) in text.enumerated() { chars[position - 1 + i] = c } }
            put(1, code); put(3, "17499"); put(12, "00010"); put(17, "XPF"); put(20, "0"); put(22, "12345678901")
            put(35, ddmmyy); put(43, ddmmyy); put(49, String(label.prefix(31))); put(82, "0000001")
            let digits = String(format: "%014d", abs(amount))
            let last = Array(amount < 0 ? "}JKLMNOPQR" : "{ABCDEFGHI")[Int(String(digits.last!))!]
            put(91, String(digits.dropLast()) + String(last)); put(105, String(reference.prefix(16)))
            return String(chars)
        }

        static func reference(_ app: Application, _ due: Due) async throws -> String {
            due.paymentReference(try await app.currentOrganisation(on: app.db))!.description
        }

        @Test func staffSetTheBankDetailsAndEveryDueCarriesThemWithItsReference() async throws {
            try await withGrappe { app in
                let m = try await Fixtures.memberWithDue(app, name: "Skazy", headcount: 3)
                let staff = try await Fixtures.staffClient(app)
                #expect(try await staff.get("/organisation").body.contains("/organisation/banque"))
                #expect(try await staff.get("/organisation/banque").status == .ok)
                // Refused, in French, with the typed values kept and nothing saved.
                for (fields, message) in [(["iban": "NC48 1749 9000 1012 3456 7890 102"], "chiffres de contrôle"),
                                          (["iban": "NC49 1749 9000 1012"], "27 caractères"),
                                          (["iban": ""], "obligatoire"),
                                          (["bic": "CBC"], "BIC invalide"),
                                          (["bankName": ""], "obligatoire")] {
                    let refused = try await staff.post("/organisation/banque", Self.bank.merging(fields) { $1 })
                    #expect(refused.status == .badRequest)
                    #expect(refused.body.contains(message), "\(message)")
                    #expect(refused.body.contains("Association OPEN NC"), "typed values kept")
                }
                #expect(try await PaymentSettings.query(on: app.db).count() == 0)
                #expect(try await staff.post("/organisation/banque", Self.bank).status == .seeOther)
                let saved = try #require(try await PaymentSettings.query(on: app.db).first())
                #expect(saved.iban == "NC4917499000101234567890102")
                #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "payment_settings").count() == 1)

                let reference = try await Self.reference(app, m.due)
                #expect(reference.hasPrefix("OPEN-2025-0001-"))
                let path = "/cotisations/\(m.due.id!.uuidString)"
                for page in [try await staff.get(path), try await staff.get(path + "/appel")] {
                    #expect(page.body.contains(Self.iban))
                    #expect(page.body.contains("17499 00010 12345678901 02"), "the RIB inside the IBAN")
                    #expect(page.body.contains("Banque Calédonienne d&#39;Investissement") || page.body.contains("Banque Calédonienne d'Investissement"))
                    #expect(page.body.contains(reference))
                }
                // The member contact sees them on its own due.
                _ = try await Fixtures.user(app, email: "gerant@skazy.example", role: .member, personID: m.person.id)
                let member = TestClient(app)
                try await member.login("gerant@skazy.example", Fixtures.password)
                #expect(try await member.get(path).body.contains(reference))
            }
        }

        @Test func onlyStaffReachTheBankDetailsAndTheImport() async throws {
            try await withGrappe { app in
                _ = try await Fixtures.member(app, name: "Autre", login: "moi@autre.example")
                let member = TestClient(app)
                try await member.login("moi@autre.example", Fixtures.password)
                let visitor = TestClient(app)
                for path in ["/organisation/banque", "/cotisations/releves"] {
                    #expect(try await member.get(path).status == .forbidden, "\(path)")
                    #expect(try await visitor.get(path).status != .ok, "\(path)")
                }
                #expect(try await member.post("/organisation/banque", Self.bank).status == .forbidden)
                #expect(try await member.post("/cotisations/releves/formats", ["name": "BCI", "dateColumn": "Date", "amountColumn": "Montant", "labelColumn": "Libellé"]).status == .forbidden)
                #expect(try await PaymentSettings.query(on: app.db).count() == 0)
                #expect(try await StatementMapping.query(on: app.db).count() == 0)
            }
        }

        @Test func aCFONBStatementIsMatchedPreviewedAndRecordedOnce() async throws {
            try await withGrappe { app in
                let skazy = try await Fixtures.memberWithDue(app, name: "Skazy", headcount: 3)
                let other = try await Fixtures.member(app, name: "Bélep Pêche", headcount: 3)
                _ = try await Fixtures.issueDues(app)
                let otherDue = try await Fixtures.due(app, company: other.company)
                let reference = try await Self.reference(app, skazy.due)
                let statement = [
                    Self.cfonb("01", "010325", 1_000_000),
                    Self.cfonb("04", "020325", 60_000, label: "VIR SARL SKAZY", reference: reference),
                    Self.cfonb("04", "030325", -1_500, label: "FRAIS TENUE DE COMPTE"),
                    Self.cfonb("04", "040325", 60_000, label: "VIR BELEP PECHE"),
                    Self.cfonb("04", "050325", 12_345, label: "VIR INCONNU"),
                    Self.cfonb("07", "310325", 1_130_845),
                ].joined(separator: "\r\n")
                let staff = try await Fixtures.staffClient(app)
                #expect(try await staff.get("/cotisations").body.contains("/cotisations/releves"))
                let preview = try await staff.upload("/cotisations/releves", fields: ["format": "cfonb"], fileField: "file", filename: "releve.txt",
                                                     content: Data(statement.utf8), type: "text/plain")
                #expect(preview.status == .ok)
                for group in ["Rapprochés (2)", "Inconnus (1)", "Débits ignorés (1)"] { #expect(preview.body.contains(group), "\(group)") }
                #expect(preview.body.contains("<option value=\"\(skazy.due.id!.uuidString)\" selected>"))
                #expect(preview.body.contains("<option value=\"\(otherDue.id!.uuidString)\" selected>"), "amount and folded payer name")
                #expect(try await Payment.query(on: app.db).count() == 0, "the preview records nothing")

                // Recorded in one transaction; the line ids follow the statement's movements.
                let fields = ["format": "cfonb", "statement": statement, "due_0": skazy.due.id!.uuidString, "due_2": otherDue.id!.uuidString, "due_3": ""]
                let recorded = try await staff.post("/cotisations/releves/enregistrer", fields)
                #expect(recorded.status == .seeOther)
                #expect(try await staff.get(recorded.location!).body.contains("2 paiements enregistrés"))
                let payments = try await Payment.query(on: app.db).all()
                #expect(payments.count == 2)
                #expect(payments.allSatisfy { $0.method == .transfer && $0.fingerprint != nil })
                #expect(try await Due.find(skazy.due.id, on: app.db)?.paid == 60_000)

                // The same statement again: shown as already recorded, and nothing is recorded twice.
                let again = try await staff.upload("/cotisations/releves", fields: ["format": "cfonb"], fileField: "file", filename: "releve.txt",
                                                   content: Data(statement.utf8), type: "text/plain")
                #expect(again.body.contains("Déjà enregistrés (2)"))
                let twice = try await staff.post("/cotisations/releves/enregistrer", fields)
                #expect(try await staff.get(twice.location!).body.contains("Rien de nouveau"))
                #expect(try await Payment.query(on: app.db).count() == 2)
            }
        }

        @Test func oneRefusedLineRecordsNothing() async throws {
            try await withGrappe { app in
                let m = try await Fixtures.memberWithDue(app, name: "Skazy", headcount: 3)
                let statement = [Self.cfonb("04", "020325", 50_000, label: "VIR SKAZY"), Self.cfonb("04", "030325", 50_000, label: "VIR SKAZY")].joined(separator: "\n")
                let staff = try await Fixtures.staffClient(app)
                let refused = try await staff.post("/cotisations/releves/enregistrer",
                                                   ["format": "cfonb", "statement": statement, "due_0": m.due.id!.uuidString, "due_1": m.due.id!.uuidString])
                #expect(refused.status == .badRequest)
                #expect(refused.body.contains("trop-perçu refusé"))
                #expect(refused.body.contains("Aucun paiement n&#39;a été enregistré") || refused.body.contains("Aucun paiement n'a été enregistré"))
                #expect(try await Payment.query(on: app.db).count() == 0)
                let notCFONB = try await staff.upload("/cotisations/releves", fields: ["format": "cfonb"], fileField: "file", filename: "releve.csv",
                                                      content: Data("Date;Libellé;Montant\n02/03/2025;VIR;60000\n".utf8))
                #expect(notCFONB.status == .badRequest)
                #expect(notCFONB.body.contains("120 caractères"))
            }
        }

        @Test func aCSVMappingIsSavedPerBankAndReused() async throws {
            try await withGrappe { app in
                let m = try await Fixtures.memberWithDue(app, name: "Skazy", headcount: 3)
                let staff = try await Fixtures.staffClient(app)
                let bad = try await staff.post("/cotisations/releves/formats", ["name": "BCI", "separator": ";", "decimalMark": ",", "dateColumn": "Date", "labelColumn": "Libellé"])
                #expect(bad.status == .badRequest)
                #expect(bad.body.contains("colonne du montant"))
                #expect(try await StatementMapping.query(on: app.db).count() == 0)
                let mapping = ["name": "BCI", "separator": ";", "decimalMark": ",", "dateColumn": "Date opération", "debitColumn": "Débit",
                               "creditColumn": "Crédit", "labelColumn": "Libellé", "referenceColumn": ""]
                #expect(try await staff.post("/cotisations/releves/formats", mapping).status == .seeOther)
                #expect(try await staff.get("/cotisations/releves").body.contains("csv:BCI"))
                let csv = "Date opération;Libellé;Débit;Crédit\n02/03/2025;VIR SKAZY COTISATION;;60 000,00\n03/03/2025;FRAIS;1 500,00;\n"
                let preview = try await staff.upload("/cotisations/releves", fields: ["format": "csv:BCI"], fileField: "file", filename: "bci.csv", content: Data(csv.utf8))
                #expect(preview.status == .ok)
                #expect(preview.body.contains("Rapprochés (1)"))
                #expect(preview.body.contains("<option value=\"\(m.due.id!.uuidString)\" selected>"))
                #expect(preview.body.contains("Débits ignorés (1)"))
            }
        }
    }
}
