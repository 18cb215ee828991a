import Fluent
import Foundation
import GrappeDomain
import SQLKit
import Testing
import Vapor
@testable import GrappeApp

/// Closed diagnostics made in the tests the way an interview closes one: answers drawn for a
/// maturity, scored by `DiagnosticEvaluation`, closed by `Diagnostic.close`.
struct DiagnosticFiguresKit {
    static func closed(_ app: Application, company: String = "Atelier <Test>", ridet: String = "1234567.001", commune: String = "Nouméa",
                       activity: BusinessActivity = .craft, email: String = "contact@atelier.example", consent: Bool = true,
                       at date: Date, maturity: Double = 0.5, status: Diagnostic.Status = .closed) async throws -> (DiagnosticRequest, Diagnostic) {
        let orgID = try await Fixtures.organisationID(app)
        let version = try #require(try await QuestionnaireVersion.query(on: app.db).filter(\.$organisation.$id == orgID).first())
        let r = DiagnosticRequest()
        r.$organisation.id = orgID
        r.companyName = company; r.ridet = ridet; r.activity = activity; r.activityDetails = ""; r.commune = commune; r.headcount = 3
        r.contactName = "Camille Test"; r.contactEmail = email; r.contactPhone = "77.12.34"; r.slots = ""; r.message = "Rappelez-moi le matin."
        r.statisticsConsent = consent; r.consentWording = consent ? DiagnosticRequestForm.consentWording : ""; r.consentAt = consent ? date : nil
        r.status = status == .closed ? .done : .planned
        try await r.create(on: app.db)
        let d = Diagnostic(organisationID: orgID, requestID: try r.requireID(), questionnaireID: try version.requireID(), startsAt: date.addingTimeInterval(-Diagnostic.duration))
        var rng = DemoRandom(seed: 14)
        let questionnaire = try version.questionnaire()
        try d.store(answers: DemoDiagnosticAnswers.draw(questionnaire, activity: activity,
                                                        maturity: Dictionary(uniqueKeysWithValues: DiagnosticDimension.allCases.map { ($0, maturity) }), using: &rng))
        try d.store(notes: [.data: "Sauvegardes sur une clé USB."])
        if status == .closed {
            let evaluation = try await DiagnosticEvaluation.load(d, request: r, on: app.db)
            d.close(with: evaluation.result, at: date, follows: nil)
        } else {
            d.status = status
        }
        try await d.create(on: app.db)
        return (r, d)
    }

    /// Every closed diagnostic with its request, read here without the app's queries.
    static func closedRows(_ app: Application) async throws -> [(d: Diagnostic, r: DiagnosticRequest)] {
        try await Diagnostic.query(on: app.db).filter(\.$status == .closed).with(\.$request).sort(\.$closedAt).all().map { ($0, $0.request) }
    }

    static func client(_ app: Application, _ email: String) async throws -> TestClient {
        let client = TestClient(app)
        try await client.login(email, DemoData.password)
        return client
    }

    /// The objectives-table row of « Diagnostics réalisés » on the programme's page.
    static func indicatorRow(_ body: String) -> String? {
        guard let start = body.range(of: "<tr><td>Diagnostics réalisés<br>"),
              let end = body.range(of: "</tr>", range: start.upperBound..<body.endIndex) else { return nil }
        return String(body[start.lowerBound..<end.upperBound])
    }

    static func realised(_ value: Int) -> String { "<td class=\"num\">\(value) / 45 diagnostics</td>" }
}

extension AppTests {
    /// The demo's diagnostics, the staff's figures page and its CSV, the programme's indicator and
    /// the annual report's section, each checked against the rows counted here.
    @Suite struct DiagnosticFiguresTests {
        typealias K = DiagnosticFiguresKit

        @Test func theDemoHas41DiagnosticsScoredByTheRules() async throws {
            try await withGrappe(demo: true) { app in
                let rows = try await K.closedRows(app)
                #expect(rows.count == 41)
                let in2025 = rows.filter { row in FrenchDate.year(of: row.d.closedAt!) == 2025 }
                #expect(in2025.count == 10)
                #expect(rows.allSatisfy { $0.d.closedAt! >= FrenchDate.make(2022, 7, 1) && $0.d.closedAt! < FrenchDate.make(2026, 1, 1) })
                #expect(FrenchDate.monthYear(rows[0].d.closedAt!) == "juillet 2022")
                var granted = 0
                for (d, r) in rows {
                    let evaluation = try await DiagnosticEvaluation.load(d, request: r, on: app.db)
                    #expect(evaluation.questionnaire.closingProblem(evaluation.answers, activity: r.activity) == nil, "\(r.companyName): every question answered")
                    #expect(d.overallScore == evaluation.result.overall && d.level == evaluation.result.level.rawValue, "\(r.companyName): the rules' scores")
                    #expect(d.scoreGreen == evaluation.result.score(.green))
                    #expect(d.$advisorUser.id != nil || d.$advisorPerson.id != nil, "\(r.companyName): an advisor")
                    #expect(r.status == .done)
                    if d.grantStatus == .granted {
                        granted += 1
                        let amount = try #require(d.grantAmount)
                        #expect(amount > 0 && amount <= evaluation.grant.amount, "\(r.companyName): \(amount) within the estimate \(evaluation.grant.amount)")
                    }
                    if d.grantStatus != .none { #expect(evaluation.grant.isEligible, "\(r.companyName): only eligible businesses ask") }
                }
                #expect(granted >= 1)
                #expect(Set(rows.map(\.d.grantStatus)).isSuperset(of: [.asked, .granted, .refused]))
                #expect(Set(rows.compactMap(\.d.level)).count >= 3, "varied levels: \(Set(rows.compactMap(\.d.level)))")
                #expect(Set(rows.map(\.r.activity)) == Set(BusinessActivity.allCases))
                let provinces = rows.map { Province.of(commune: $0.r.commune) }
                #expect(Set(provinces.compactMap { $0 }) == Set(Province.allCases) && provinces.allSatisfy { $0 != nil })
                #expect(provinces.filter { $0 == .sud }.count > rows.count * 3 / 4, "mostly Province Sud")
                #expect(rows.contains { !$0.d.storedNotes.isEmpty }, "notes on some dimensions")

                // Follow-ups: the same business 6 to 12 months later, mostly better.
                let followUps = rows.filter { row in row.d.followsID != nil }
                #expect(followUps.count >= 1)
                var improved = 0
                let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0.d.id!, $0) })
                for row in followUps {
                    let d = row.d, r = row.r
                    let followed = try #require(d.followsID)
                    let earlier = try #require(byID[followed])
                    #expect(earlier.r.ridet == r.ridet && earlier.r.companyName == r.companyName)
                    let days = FrenchDate.days(from: earlier.d.closedAt!, to: d.closedAt!)
                    #expect((180...366).contains(days), "\(r.companyName): \(days) days later")
                    if d.overallScore! > earlier.d.overallScore! { improved += 1 }
                }
                #expect(improved * 2 > followUps.count, "mostly improving")

                // The two requests still waiting, and no typed actions for the diagnostics.
                #expect(try await DiagnosticRequest.query(on: app.db).filter(\.$status == .waiting).count() == 2)
                let programme = try #require(try await Programme.query(on: app.db).filter(\.$name == "Diagnostics de maturité numérique").first())
                #expect(try await ProgrammeAction.query(on: app.db).filter(\.$programme.$id == programme.requireID()).count() == 0)
            }
        }

        @Test func theFiguresPageAndItsCSVGiveTheDemosFigures() async throws {
            try await withGrappe(demo: true) { app in
                let rows = try await K.closedRows(app)
                let counted = rows.filter(\.r.statisticsConsent)
                #expect(counted.count < rows.count, "some businesses did not accept the statistics")
                let mean = counted.map { $0.d.overallScore! }.reduce(0, +) / Double(counted.count)
                let granted = rows.filter { $0.d.grantStatus == .granted }
                let total = granted.map { $0.d.grantAmount! }.reduce(0, +)
                let staff = try await K.client(app, DemoData.managerEmail)

                #expect(try await staff.get("/admin/diagnostics").body.contains("href=\"/admin/diagnostics/chiffres\""), "linked from the list")
                let page = try await staff.get("/admin/diagnostics/chiffres")
                #expect(page.status == .ok)
                #expect(page.body.contains("<strong>41</strong><small>depuis juillet 2022</small>"))
                #expect(page.body.contains("<strong>\(DiagnosticScoring.shown(mean)) / 100</strong>"))
                #expect(page.body.contains("<strong>\(granted.count)</strong><small>\(Money.xpf(total)) accordés</small>"))
                #expect(page.body.contains("comptent \(counted.count) des 41 diagnostics"))
                let noumea = counted.filter { $0.r.commune == "Nouméa" }.count
                #expect(page.body.contains("<tr><td>Nouméa</td><td class=\"num\">\(noumea)</td></tr>"), "by commune, counted ones only")
                for level in MaturityLevel.allCases {
                    let n = counted.filter { $0.d.level == level.rawValue }.count
                    #expect(page.body.contains("<tr><td>\(level.label) (\(level.range.lowerBound) à \(level.range.upperBound))</td><td class=\"num\">\(n)</td></tr>"), "\(level)")
                }
                #expect(page.body.contains("href=\"/admin/diagnostics/chiffres?annee=2025\""))

                let year = try await staff.get("/admin/diagnostics/chiffres?annee=2025")
                #expect(year.body.contains("<strong>10</strong><small>en 2025</small>"))
                #expect(year.body.contains("<strong>2025</strong>"), "the selected year is marked")
                let none = try await staff.get("/admin/diagnostics/chiffres?annee=2019")
                #expect(none.status == .ok && none.body.contains("Aucun diagnostic clos en 2019."))

                let csv = try await staff.get("/admin/diagnostics/chiffres.csv")
                #expect(csv.status == .ok && csv.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
                #expect(csv.body.hasPrefix("\u{FEFF}Année;Diagnostics;"), "UTF-8 BOM and semicolons, as the other exports")
                let table = CSVTable.parse(csv.body)
                let header = try #require(table.first)
                let lines = Array(table.dropFirst()).filter { $0.count > 1 }
                let column = { (name: String) in try #require(header.firstIndex(of: name), "no column \(name)") }
                let years = Set(rows.map { FrenchDate.year(of: $0.d.closedAt!) }).sorted()
                #expect(lines.map(\.first) == years.map(String.init) + ["Depuis le début"])
                for (y, line) in zip(years, lines) {
                    let ofYear = rows.filter { FrenchDate.year(of: $0.d.closedAt!) == y }
                    #expect(line[try column("Diagnostics")] == String(ofYear.count), "\(y)")
                    #expect(line[try column("Suivis")] == String(ofYear.filter { $0.d.followsID != nil }.count), "\(y)")
                    #expect(line[try column("Aides obtenues")] == String(ofYear.filter { $0.d.grantStatus == .granted }.count), "\(y)")
                }
                let all = try #require(lines.last)
                #expect(all[try column("Diagnostics")] == "41")
                #expect(all[try column("Comptés dans les statistiques")] == String(counted.count))
                #expect(all[try column("Score moyen")] == Indicators.format((mean * 10).rounded() / 10))
                #expect(all[try column("Montant accordé (XPF)")] == String(total))
                #expect(all[try column("Suivis")] == String(rows.filter { $0.d.followsID != nil }.count))
            }
        }

        @Test func theFiguresAreForStaffOnly() async throws {
            try await withGrappe(demo: true) { app in
                let visitor = TestClient(app)
                for path in ["/admin/diagnostics/chiffres", "/admin/diagnostics/chiffres.csv"] {
                    let page = try await visitor.get(path)
                    #expect(page.status == .seeOther && page.location?.hasPrefix("/connexion") == true, "visitor: \(path)")
                    for email in [DemoData.memberEmail, DemoData.boardEmail, DemoHackagou.playerEmail] {
                        let client = try await K.client(app, email)
                        #expect(try await client.get(path).status == .forbidden, "\(email): \(path)")
                    }
                }
            }
        }

        @Test func withoutDiagnosticsThePageSaysSo() async throws {
            try await withGrappe { app in
                let staff = try await Fixtures.staffClient(app)
                let page = try await staff.get("/admin/diagnostics/chiffres")
                #expect(page.status == .ok && page.body.contains("Aucun diagnostic clos : les chiffres apparaîtront avec le premier."))
                #expect(!page.body.contains("chiffres.csv"))
                let csv = try await staff.get("/admin/diagnostics/chiffres.csv")
                #expect(CSVTable.parse(csv.body).filter { $0.count > 1 }.count == 1, "the header alone")
                // A planned diagnostic is not counted; a closed one is.
                _ = try await K.closed(app, at: TestClock.now.addingTimeInterval(86_400), status: .planned)
                #expect(try await staff.get("/admin/diagnostics/chiffres").body.contains("Aucun diagnostic clos"))
                _ = try await K.closed(app, at: TestClock.now.addingTimeInterval(-86_400))
                #expect(try await staff.get("/admin/diagnostics/chiffres").body.contains("<strong>1</strong><small>depuis septembre 2026</small>"))
            }
        }

        @Test func theViewEscapesWhatItShowsAndSaysWhatIsMissing() {
            var t = DiagnosticTally()
            t.diagnostics = 2; t.counted = 1; t.overallSum = 40
            let figures = DiagnosticFigures(first: FrenchDate.make(2025, 3, 4), tallies: [2025: t], levels: [2025: [.average: 1]],
                                            places: [2025: [.init(commune: "<b>Nouméa</b>", activity: .retail, count: 1)]])
            let page = DiagnosticFiguresView.page(figures, year: nil).raw
            #expect(page.contains("&lt;b&gt;Nouméa&lt;/b&gt;") && !page.contains("<b>Nouméa"))
            #expect(page.contains("<tr><td>Commerciale</td><td class=\"num\">1</td></tr>"))
            #expect(page.contains("comptent 1 des 2 diagnostics"))
            #expect(page.contains("Aucune demande d&#39;aide enregistrée."), "no grant yet")
            #expect(page.contains("depuis mars 2025"))
            let empty = DiagnosticFiguresView.page(.empty, year: 2025).raw
            #expect(empty.contains("Aucun diagnostic clos : les chiffres apparaîtront avec le premier.") && !empty.contains("chiffres.csv"))
            let csv = CSVTable.parse(DiagnosticFiguresView.csv(figures))
            #expect(csv.count == 3 && csv[1].first == "2025" && csv[2].first == "Depuis le début")
        }

        // MARK: The programme's indicator

        @Test func theProgrammeIndicatorCountsTheClosedDiagnostics() async throws {
            try await withGrappe(demo: true) { app in
                let staff = try await K.client(app, DemoData.managerEmail)
                let programme = try #require(try await Programme.query(on: app.db).filter(\.$name == "Diagnostics de maturité numérique").first())
                let indicator = try #require(try await Indicator.query(on: app.db).filter(\.$programme.$id == programme.requireID()).first())
                #expect(indicator.source == .closedDiagnostics && indicator.name == "Diagnostics réalisés")
                let inPeriod = try await K.closedRows(app).filter { $0.d.closedAt! >= programme.startsOn && $0.d.closedAt! <= TestClock.now }.count
                #expect(inPeriod == 41)
                let path = "/programmes/\(programme.slug)"
                #expect(K.indicatorRow(try await staff.get(path).body)?.contains(K.realised(41)) == true)

                // A typed action is not a diagnostic: the figure does not move (nothing counted twice).
                let added = try await staff.post("\(path)/actions/nouvelle", [
                    "date": FrenchDate.iso(TestClock.now), "theme": "Diagnostic de maturité numérique", "commune": "Dumbéa", "animator": "",
                    "participants": "1", "audiences": "tpe_pme=1", "duration": "60",
                ])
                #expect(added.status == .seeOther)
                #expect(K.indicatorRow(try await staff.get(path).body)?.contains(K.realised(41)) == true)

                // A planned diagnostic does not count; closing one does.
                _ = try await K.closed(app, at: TestClock.now.addingTimeInterval(3 * 86_400), status: .planned)
                #expect(K.indicatorRow(try await staff.get(path).body)?.contains(K.realised(41)) == true)
                _ = try await K.closed(app, at: TestClock.now.addingTimeInterval(-3600))
                #expect(K.indicatorRow(try await staff.get(path).body)?.contains(K.realised(42)) == true)
                // One closed before the programme began is outside its period.
                _ = try await K.closed(app, ridet: "7654321.001", at: FrenchDate.make(2022, 6, 15))
                #expect(K.indicatorRow(try await staff.get(path).body)?.contains(K.realised(42)) == true)
            }
        }

        // MARK: The annual report

        @Test func theReportSectionSaysTheDemosFigures() async throws {
            try await withGrappe(demo: true) { app in
                let rows = try await K.closedRows(app)
                let counted2025 = rows.filter { $0.r.statisticsConsent && FrenchDate.year(of: $0.d.closedAt!) == 2025 }
                let mean = counted2025.map { $0.d.overallScore! }.reduce(0, +) / Double(counted2025.count)
                let granted = rows.filter { $0.d.grantStatus == .granted }
                let doc = try await ReportTests.report(app)
                let text = ReportTests.part(doc, "diagnostic")
                #expect(text.contains("50 % des dépenses éligibles"))
                #expect(text.contains("dans la limite de \(Money.xpf(250_000))"))
                #expect(text.contains("Depuis juillet 2022, 41 diagnostics ont été réalisés, dont 10 en 2025"))
                #expect(text.contains("Niveau moyen en 2025 : \(MaturityLevel(score: mean).label.lowercased()) (\(DiagnosticScoring.shown(mean)) sur 100 en moyenne)"))
                #expect(text.contains("Aides de la province Sud obtenues : \(granted.count) pour un total de \(Money.xpf(granted.map { $0.d.grantAmount! }.reduce(0, +)))"))
                #expect(doc.html.contains("Diagnostic de maturité numérique"))

                // After the projects, before the Grande Collecte; the programme's part says the same 41.
                let ids = doc.parts.map(\.id)
                let at = try #require(ids.firstIndex(of: "diagnostic"))
                #expect(ids[at - 1].hasPrefix("projet-") && !ids[(at + 1)...].contains { $0.hasPrefix("projet-") })
                let programme = ReportTests.part(doc, "projet-diagnostics-de-maturite-numerique")
                #expect(programme.contains("<td class=\"num\">41</td>"), "the indicator counts the diagnostics")
                #expect(!programme.contains("depuis le lancement"), "no typed actions counted beside them")

                // 2024's report stops at 2024.
                let earlier = ReportTests.part(try await ReportTests.report(app, year: 2024), "diagnostic")
                #expect(earlier.contains("Depuis juillet 2022, 31 diagnostics ont été réalisés, dont"))
            }
        }
    }
}
