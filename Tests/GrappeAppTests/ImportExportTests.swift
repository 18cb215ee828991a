import Fluent
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    @Suite struct ImportExportTests {
        static let file = """
        nom;ridet;commune;effectif;categorie;domaines;fondateur;titulaire_prenom;titulaire_nom;titulaire_email;titulaire_genre
        Alpha Numérique;1234567.001;Nouméa;12;cœur de filière;Cybersécurité;oui;Marie;Kabar;marie@alpha.example;F
        Beta Conseil;;Koné;60;partenaire;;non;;;;
        ;999;Paris;beaucoup;VIP;Astrologie;peut-être;;;;
        """

        @Test func previewListsRejectionsAndApplyIsIdempotent() async throws {
            try await withGrappe { app in
                let client = try await Fixtures.staffClient(app)
                #expect(try await client.get("/adherents/import").status == .ok)
                let preview = try await client.upload("/adherents/import", fields: ["year": "2025", "step": "preview"], fileField: "file",
                                                      filename: "adherents.csv", content: Data(Self.file.utf8))
                #expect(preview.status == .ok)
                #expect(preview.body.contains("<strong>2</strong> à créer"))
                #expect(preview.body.contains("<strong>1</strong> rejetée"))
                #expect(preview.body.contains("Le nom est obligatoire."))
                #expect(preview.body.contains("n&#39;est pas une commune"))
                #expect(try await Company.query(on: app.db).count() == 0, "a preview writes nothing")
                let applied = try await client.post("/adherents/import", ["year": "2025", "step": "apply", "csv": Self.file])
                #expect(applied.status == .seeOther)
                #expect(try await client.get(applied.location!).body.contains("2 créés"))
                let alpha = try #require(try await Company.query(on: app.db).filter(\.$ridet == "1234567.001").first())
                #expect(alpha.founding)
                let membership = try #require(try await Membership.query(on: app.db).filter(\.$company.$id == alpha.requireID()).with(\.$holder).first())
                #expect(membership.holder?.gender == .female)
                #expect(try await Membership.query(on: app.db).filter(\.$category == .partner).count() == 1)
                let auditCount = try await AuditEntry.query(on: app.db).count()
                // Same file again: nothing changes.
                let again = try await client.post("/adherents/import", ["year": "2025", "step": "preview", "csv": Self.file])
                #expect(again.body.contains("<strong>0</strong> à créer"))
                #expect(again.body.contains("<strong>2</strong> inchangées"))
                try await client.post("/adherents/import", ["year": "2025", "step": "apply", "csv": Self.file])
                #expect(try await Company.query(on: app.db).count() == 2)
                #expect(try await AuditEntry.query(on: app.db).count() == auditCount)
                // A changed line updates (matched on name when there is no RIDET).
                let changed = Self.file.replacingOccurrences(of: "Beta Conseil;;Koné;60", with: "BETA CONSEIL;;Koné;61")
                let update = try await client.post("/adherents/import", ["year": "2025", "step": "preview", "csv": changed])
                #expect(update.body.contains("<strong>1</strong> à mettre à jour"))
            }
        }

        /// French Excel saves CSV in Windows-1252: the file is converted, and the preview says so.
        @Test func aWindows1252FileIsConvertedAndTheConversionShown() async throws {
            try await withGrappe { app in
                let client = try await Fixtures.staffClient(app)
                var bytes: [UInt8] = []
                for scalar in Self.file.unicodeScalars {
                    if scalar.value < 0x80 || (0xA0...0xFF).contains(scalar.value) { bytes.append(UInt8(scalar.value)); continue }
                    let index = try #require(TextDecoding.windows1252.firstIndex(of: scalar.value), "\(scalar) is in Windows-1252")
                    bytes.append(UInt8(0x80 + index))
                }
                #expect(String(validating: bytes, as: UTF8.self) == nil, "the fixture is not UTF-8")
                let preview = try await client.upload("/adherents/import", fields: ["year": "2025", "step": "preview"], fileField: "file",
                                                      filename: "adherents.csv", content: Data(bytes))
                #expect(preview.status == .ok)
                #expect(preview.body.contains(HTML.escape(TextDecoding.convertedNote)))
                #expect(preview.body.contains("Alpha Numérique") && preview.body.contains("<strong>2</strong> à créer"))
                let applied = try await client.post("/adherents/import", ["year": "2025", "step": "apply", "csv": Self.file])
                #expect(applied.status == .seeOther)
                #expect(try await Membership.query(on: app.db).filter(\.$category == .core).count() == 1, "« cœur de filière » read through œ (0x9C)")
            }
        }

        @Test func uploadChecks() async throws {
            try await withGrappe { app in
                let client = try await Fixtures.staffClient(app)
                let binary = try await client.upload("/adherents/import", fields: ["year": "2025"], fileField: "file", filename: "x.csv",
                                                     content: Data([0xFF, 0xFE, 0x00, 0x41]))
                #expect(binary.status == .badRequest)
                #expect(binary.body.contains("UTF-8"))
                let empty = try await client.upload("/adherents/import", fields: ["year": "2025"], fileField: "file", filename: "x.csv", content: Data())
                #expect(empty.body.contains("Le fichier est vide."))
                let noHeader = try await client.upload("/adherents/import", fields: ["year": "2025"], fileField: "file", filename: "x.csv", content: Data("a;b\n1;2".utf8))
                #expect(noHeader.body.contains("La première ligne doit nommer les colonnes"))
                let badYear = try await client.upload("/adherents/import", fields: ["year": "1800"], fileField: "file", filename: "x.csv", content: Data("nom\nX".utf8))
                #expect(badYear.body.contains("Année invalide"))
            }
        }

        @Test func exportIsImportableFrenchExcelCSV() async throws {
            try await withGrappe(demo: true) { app in
                let client = TestClient(app)
                try await client.login(DemoData.managerEmail)
                let csv = try await client.get("/adherents/export.csv?categorie=partner&annee=2025")
                #expect(csv.headers.first(name: .contentDisposition)?.contains("adherents-2025.csv") == true)
                #expect(csv.body.hasPrefix("\u{FEFF}" + MemberCSV.header.joined(separator: ";")))
                let rows = CSVTable.parse(csv.body)
                #expect(rows.count == 16, "header + 15 partners")
                // Phone numbers and RIDET stay text in a spreadsheet (« 27.11.22 » is no date).
                let phone = try #require(MemberCSV.header.firstIndex(of: "telephone"))
                let withPhone = try #require(rows.dropFirst().first { !$0[phone].isEmpty }, "the demo's partners have phones")
                #expect(csv.body.contains(";\"=\"\"\(withPhone[phone])\"\"\";"), "written as =\"…\"")
                #expect(!withPhone[phone].hasPrefix("="), "and read back as the number itself")
                // Re-importing the export changes nothing.
                let orgID = try await Fixtures.organisationID(app)
                let plan = try await MemberImporter.run(csv.body, year: 2025, dryRun: true, organisationID: orgID, user: nil, on: app.db)
                #expect(plan.parsed.rejections.isEmpty)
                #expect(plan.toCreate.isEmpty && plan.toUpdate.isEmpty)
                #expect(plan.unchanged.count == 15)
            }
        }
    }
}
