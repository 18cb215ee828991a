import Fluent
import Foundation
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// Programmes over HTTP: indicators computed from the actions each time the page is shown,
    /// the staff's forms, manual values, the CSV import and each consortium company's summary.
    @Suite struct ProgrammeTests {
        private enum P {
            static let tremplins = "les-tremplins-du-numerique"

            static func client(_ app: Application, _ email: String, password: String = DemoData.password) async throws -> TestClient {
                let client = TestClient(app)
                try await client.login(email, password)
                return client
            }

            static func programme(_ app: Application, slug: String) async throws -> Programme {
                try #require(try await Programme.query(on: app.db).filter(\.$slug == slug).first(), "no programme \(slug)")
            }

            static func programme(_ app: Application, named name: String) async throws -> Programme {
                try #require(try await Programme.query(on: app.db).filter(\.$name == name).first(), "no programme \(name)")
            }

            static func actions(_ app: Application, _ p: Programme) async throws -> [ProgrammeAction] {
                try await ProgrammeAction.query(on: app.db).filter(\.$programme.$id == p.requireID()).all()
            }

            static func indicators(_ app: Application, _ p: Programme) async throws -> [Indicator] {
                try await Indicator.query(on: app.db).filter(\.$programme.$id == p.requireID()).sort(\.$position).all()
            }

            static func company(_ app: Application, _ name: String) async throws -> Company {
                try #require(try await Company.query(on: app.db).filter(\.$name == name).first(), "no company \(name)")
            }

            /// Percent of the target, rounded half up, in whole numbers (computed here, not by the app).
            static func percent(_ value: Int, of target: Int) -> Int { (value * 200 + target) / (2 * target) }

            /// The `<tr>` of the indicator named `name` on a programme page.
            static func indicatorRow(_ body: String, _ name: String) -> String? {
                guard let start = body.range(of: "<tr><td>\(HTML.escape(name))<br>"),
                      let end = body.range(of: "</tr>", range: start.upperBound..<body.endIndex) else { return nil }
                return String(body[start.lowerBound..<end.upperBound])
            }

            /// « value / target unit » as the objectives table shows it (whole numbers, grouped).
            static func realised(_ value: Int, _ target: Double, _ unit: String) -> String {
                "<td class=\"num\">\(Money.grouped(value)) / \(Money.grouped(Int(target))) \(HTML.escape(unit))</td>"
            }

            /// The section between `start` and the next `end`.
            static func section(_ body: String, from start: String, to end: String) -> String? {
                guard let a = body.range(of: start), let b = body.range(of: end, range: a.upperBound..<body.endIndex) else { return nil }
                return String(body[a.lowerBound..<b.upperBound])
            }

            /// The rows the chart's data table should show, computed here: one per month, or one
            /// per year when the actions span more than 24 months.
            static func expectedChartRows(_ actions: [ProgrammeAction]) -> [String] {
                var months: [Int: Int] = [:]
                for a in actions {
                    let c = FrenchDate.calendar.dateComponents([.year, .month], from: a.date)
                    months[c.year! * 100 + c.month!, default: 0] += 1
                }
                if months.count > 24 {
                    var years: [Int: Int] = [:]
                    for (key, n) in months { years[key / 100, default: 0] += n }
                    return years.sorted { $0.key < $1.key }.map { "<tr><th scope=\"row\">\($0.key)</th><td class=\"num\">\($0.value)</td></tr>" }
                }
                return months.sorted { $0.key < $1.key }.map {
                    "<tr><th scope=\"row\">\(HTML.escape("\(FrenchDate.monthName($0.key % 100)) \($0.key / 100)"))</th><td class=\"num\">\($0.value)</td></tr>"
                }
            }

            /// The body rows of the chart's data table.
            static func chartRows(_ body: String) -> String? {
                guard let table = section(body, from: "<details class=\"chart-data\">", to: "</details>"),
                      let rows = section(table, from: "<tbody>", to: "</tbody>") else { return nil }
                return String(rows.dropFirst("<tbody>".count).dropLast("</tbody>".count))
            }

            static func unescape(_ text: String) -> String {
                text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                    .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                    .replacingOccurrences(of: "&amp;", with: "&")
            }

            /// Every field of the action form, filled from a stored action.
            static func fields(of a: ProgrammeAction, animator: String, participants: Int? = nil) -> [String: String] {
                ["date": FrenchDate.iso(a.date), "theme": a.theme, "commune": a.commune, "animator": animator, "animators": a.animators,
                 "participants": String(participants ?? a.participants), "duration": String(a.durationMinutes), "notes": a.notes]
                    .merging(AudienceInputs.values(a.audiencesText)) { a, _ in a }
            }

            /// Participants of one audience in a stored « tpe_pme=12;handicap=4 » text, read here.
            static func audience(_ text: String, _ code: String) -> Int {
                text.split(separator: ";").reduce(0) { sum, part in
                    let pair = part.split(separator: "=")
                    return pair.count == 2 && pair[0] == Substring(code) ? sum + (Int(pair[1]) ?? 0) : sum
                }
            }
        }

        // MARK: The report's figures

        @Test func tremplinsPageShowsTheReportFiguresComputedFromTheActions() async throws {
            try await withGrappe(demo: true) { app in
                let p = try await P.programme(app, slug: P.tremplins)
                let actions = try await P.actions(app, p)
                let indicator = try #require(try await P.indicators(app, p).first)
                let participants = actions.map(\.participants).reduce(0, +)
                // The demo is built to reproduce the annual report.
                #expect(actions.count == 89)
                #expect(participants == 1640)
                #expect(indicator.target == 1500)
                #expect(indicator.source == .participantSum)

                let visitor = TestClient(app)
                let list = try await visitor.get("/programmes")
                #expect(list.status == .ok)
                for programme in try await Programme.query(on: app.db).all() {
                    #expect(list.body.contains("<a href=\"/programmes/\(programme.slug)\">\(HTML.escape(programme.name))</a>"), "\(programme.name)")
                }

                let page = try await visitor.get("/programmes/\(P.tremplins)")
                #expect(page.status == .ok)
                #expect(page.body.contains("<h2>Actions (89)</h2>"))
                let row = try #require(P.indicatorRow(page.body, indicator.name))
                #expect(row.contains(P.realised(participants, indicator.target, indicator.unit)), "\(row)")
                #expect(row.contains("<strong>\(P.percent(participants, of: Int(indicator.target))) %</strong>"))
                #expect(row.contains("<strong>109 %</strong>"), "1 640 / 1 500 as in the report")

                // Consortium: 17 companies, SKAZY among them.
                let consortium = try await ConsortiumMember.query(on: app.db).filter(\.$programme.$id == p.requireID()).with(\.$company).all().map(\.company)
                #expect(consortium.count == 17)
                #expect(consortium.contains { $0.name == "SKAZY" })
                #expect(page.body.contains("<dt>Consortium</dt><dd>17 entreprises : "))
                for company in consortium { #expect(page.body.contains(HTML.escape(company.name)), "\(company.name)") }

                // Actions over time: an SVG chart with a data table that says the same. Four years of
                // workshops are shown per year (more than 24 months).
                #expect(page.body.contains("<svg"))
                #expect(page.body.contains("Actions de « Les Tremplins du Numérique » par année"))
                let rows = P.expectedChartRows(actions)
                #expect(rows.count == 5, "2021 to 2025")
                #expect(P.chartRows(page.body) == rows.joined())

                // Per commune and per animator, from the records.
                for (commune, list) in Dictionary(grouping: actions, by: \.commune) {
                    #expect(page.body.contains("<tr><td>\(HTML.escape(commune))</td><td class=\"num\">\(list.count)</td><td class=\"num\">\(list.map(\.participants).reduce(0, +))</td></tr>"), "\(commune)")
                }
                let names = Dictionary(uniqueKeysWithValues: consortium.map { ($0.id!, $0.name) })
                for (companyID, list) in Dictionary(grouping: actions, by: { $0.$animatorCompany.id }) {
                    let id = try #require(companyID)
                    #expect(page.body.contains("<a href=\"/programmes/\(P.tremplins)/animateurs/\(id.uuidString)\">\(HTML.escape(names[id]!))</a></td><td class=\"num\">\(list.count)</td><td class=\"num\">\(list.map(\.participants).reduce(0, +))</td>"), "\(names[id]!)")
                }

                // The detail of the actions is for staff and board only; only staff get the edit links.
                #expect(!page.body.contains("Détail des actions"))
                #expect(!page.body.contains("/actions/"))
                let member = try await P.client(app, DemoData.memberEmail)
                let memberPage = try await member.get("/programmes/\(P.tremplins)")
                #expect(memberPage.status == .ok)
                #expect(!memberPage.body.contains("Détail des actions"))
                let board = try await P.client(app, DemoData.boardEmail)
                let boardPage = try await board.get("/programmes/\(P.tremplins)")
                #expect(boardPage.body.contains("Détail des actions"))
                #expect(!boardPage.body.contains("/actions/"), "no edit link for the board")
                let staff = try await P.client(app, DemoData.managerEmail)
                let staffPage = try await staff.get("/programmes/\(P.tremplins)")
                #expect(staffPage.body.contains("Détail des actions"))
                for a in actions { #expect(staffPage.body.contains("href=\"/programmes/\(P.tremplins)/actions/\(a.id!.uuidString)\""), "edit link") }
            }
        }

        @Test func numeraiIndicatorsOfEverySourceFollowTheActions() async throws {
            try await withGrappe(demo: true) { app in
                let p = try await P.programme(app, named: "NuméRaï")
                let indicators = try await P.indicators(app, p)
                #expect(Set(indicators.map(\.source)) == [.participantSum, .audienceSum, .actionCount, .distinctCommunes])
                let staff = try await P.client(app, DemoData.managerEmail)

                /// The value of each indicator, computed here from the stored actions.
                func expected(_ i: Indicator, _ actions: [ProgrammeAction]) -> Int {
                    switch i.source {
                    case .participantSum: actions.map(\.participants).reduce(0, +)
                    case .actionCount: actions.count
                    case .distinctCommunes: Set(actions.map(\.commune)).count
                    case .audienceSum: actions.map { P.audience($0.audiencesText, i.audience) }.reduce(0, +)
                    case .manual, .closedDiagnostics: 0
                    }
                }
                func check(_ context: String) async throws -> [UUID: Int] {
                    let actions = try await P.actions(app, p)
                    let page = try await staff.get("/programmes/\(p.slug)")
                    #expect(page.status == .ok)
                    #expect(page.body.contains("<h2>Actions (\(actions.count))</h2>"), "\(context)")
                    var values: [UUID: Int] = [:]
                    for i in indicators {
                        let value = expected(i, actions)
                        values[i.id!] = value
                        let row = try #require(P.indicatorRow(page.body, i.name), "\(context): \(i.name)")
                        #expect(row.contains(P.realised(value, i.target, i.unit)), "\(context): \(row)")
                        #expect(row.contains("<strong>\(P.percent(value, of: Int(i.target))) %</strong>"), "\(context): \(row)")
                    }
                    #expect(page.body.contains("Actions de « NuméRaï » par mois"), "\(context)")
                    #expect(P.chartRows(page.body) == P.expectedChartRows(actions).joined(), "\(context): one bar per month")
                    let audience = try #require(indicators.first { $0.source == .audienceSum })
                    #expect(audience.audience == Audience.disability.rawValue)
                    #expect(P.indicatorRow(page.body, audience.name)?.contains("Personnes en situation de handicap") == true)
                    return values
                }
                let before = try await check("demo")
                #expect(before.values.allSatisfy { $0 > 0 })

                // One more workshop, in a commune not yet reached, with people with a disability.
                let communes = Set(try await P.actions(app, p).map(\.commune))
                #expect(!communes.contains("Poum"))
                try await staff.get("/programmes/\(p.slug)/actions/nouvelle")
                let saved = try await staff.post("/programmes/\(p.slug)/actions/nouvelle", [
                    "date": FrenchDate.iso(TestClock.now), "theme": "Premiers pas sur tablette", "commune": "Poum", "animator": "", "animators": "Léa",
                    "participants": "11", "aud_handicap": "5", "aud_rural": "11", "duration": "150", "notes": "",
                ])
                #expect(saved.status == .seeOther)
                #expect(saved.location == "/programmes/\(p.slug)")
                let after = try await check("after a new workshop")
                for i in indicators {
                    let delta = after[i.id!]! - before[i.id!]!
                    switch i.source {
                    case .participantSum: #expect(delta == 11)
                    case .audienceSum: #expect(delta == 5)
                    case .actionCount, .distinctCommunes: #expect(delta == 1)
                    case .manual, .closedDiagnostics: break
                    }
                }
            }
        }

        // MARK: Change one action, the figure changes

        @Test func editingOrDeletingAnActionChangesTheIndicators() async throws {
            try await withGrappe(demo: true) { app in
                let staff = try await P.client(app, DemoData.managerEmail)
                let p = try await P.programme(app, slug: P.tremplins)
                let indicator = try #require(try await P.indicators(app, p).first)
                let target = Int(indicator.target)
                let actions = try await P.actions(app, p).sorted { $0.date < $1.date }
                let sum = actions.map(\.participants).reduce(0, +)
                let first = actions[0]
                let animator = try #require(try await Company.find(first.$animatorCompany.id, on: app.db))

                // The edit form comes filled in with the stored action.
                let form = try await staff.get("/programmes/\(P.tremplins)/actions/\(first.id!.uuidString)")
                #expect(form.status == .ok)
                #expect(form.body.contains("id=\"participants\" name=\"participants\" type=\"number\" value=\"\(first.participants)\""))
                #expect(form.body.contains("id=\"theme\" name=\"theme\" type=\"text\" value=\"\(HTML.escape(first.theme))\""))
                #expect(form.body.contains("<option value=\"\(HTML.escape(animator.name))\" selected>"))

                // 25 more participants: the figure and the percentage move.
                let edited = try await staff.post("/programmes/\(P.tremplins)/actions/\(first.id!.uuidString)",
                                                  P.fields(of: first, animator: animator.name, participants: first.participants + 25))
                #expect(edited.status == .seeOther)
                #expect(edited.location == "/programmes/\(P.tremplins)")
                let stored = try #require(try await ProgrammeAction.find(first.id, on: app.db))
                #expect(stored.participants == first.participants + 25)
                #expect(stored.$animatorCompany.id == animator.id)
                let newSum = try await P.actions(app, p).map(\.participants).reduce(0, +)
                #expect(newSum == sum + 25)
                let page = try await staff.get("/programmes/\(P.tremplins)")
                #expect(page.body.contains("Action enregistrée : les indicateurs sont à jour."))
                let row = try #require(P.indicatorRow(page.body, indicator.name))
                #expect(row.contains(P.realised(newSum, indicator.target, indicator.unit)), "\(row)")
                #expect(row.contains("<strong>\(P.percent(newSum, of: target)) %</strong>"))
                #expect(P.percent(newSum, of: target) != P.percent(sum, of: target), "the percentage moves too")
                #expect(!row.contains(Money.grouped(sum) + " /"))

                // Delete another one: one action fewer, its participants gone from the sum.
                let victim = actions[1]
                let deleted = try await staff.post("/programmes/\(P.tremplins)/actions/\(victim.id!.uuidString)/supprimer")
                #expect(deleted.status == .seeOther)
                #expect(try await ProgrammeAction.find(victim.id, on: app.db) == nil)
                let remaining = try await P.actions(app, p)
                #expect(remaining.count == actions.count - 1)
                let afterDelete = try await staff.get("/programmes/\(P.tremplins)")
                #expect(afterDelete.body.contains("<h2>Actions (\(remaining.count))</h2>"))
                let deletedRow = try #require(P.indicatorRow(afterDelete.body, indicator.name))
                #expect(deletedRow.contains(P.realised(newSum - victim.participants, indicator.target, indicator.unit)))

                // Only staff change actions.
                let board = try await P.client(app, DemoData.boardEmail)
                let survivor = remaining[0]
                #expect(try await board.get("/programmes/\(P.tremplins)/actions/\(survivor.id!.uuidString)").status == .forbidden)
                #expect(try await board.post("/programmes/\(P.tremplins)/actions/\(survivor.id!.uuidString)/supprimer").status == .forbidden)
                let member = try await P.client(app, DemoData.memberEmail)
                #expect(try await member.post("/programmes/\(P.tremplins)/actions/\(survivor.id!.uuidString)",
                                              P.fields(of: survivor, animator: "", participants: 9999)).status == .forbidden)
                #expect(try await ProgrammeAction.find(survivor.id, on: app.db)?.participants == survivor.participants)
                // An action of another programme is not reachable through this one.
                let elsewhere = try #require(try await P.actions(app, try await P.programme(app, named: "NuméRaï")).first)
                #expect(try await staff.get("/programmes/\(P.tremplins)/actions/\(elsewhere.id!.uuidString)").status == .notFound)
            }
        }

        // MARK: Manual indicators

        @Test func manualIndicatorShowsTheLatestValueWithItsDateAndSource() async throws {
            try await withGrappe(demo: true) { app in
                let staff = try await P.client(app, DemoData.managerEmail)
                let p = try await P.programme(app, named: "NuméRaï")
                let path = "/programmes/\(p.slug)"
                try await staff.get(path)
                let created = try await staff.post("\(path)/indicateurs", [
                    "name": "Structures d'accueil mobilisées", "target": "12", "unit": "structures", "source": "manual", "audience": "",
                ])
                #expect(created.status == .seeOther)
                let indicator = try #require(try await Indicator.query(on: app.db).filter(\.$name == "Structures d'accueil mobilisées").first())
                #expect(indicator.source == .manual)
                #expect(indicator.target == 12)
                let empty = try await staff.get(path)
                #expect(empty.body.contains("Indicateur « Structures d&#39;accueil mobilisées » ajouté."))
                let emptyRow = try #require(P.indicatorRow(empty.body, indicator.name))
                #expect(emptyRow.contains("<td class=\"num\">pas de donnée / 12 structures</td>"))
                #expect(emptyRow.contains("action=\"\(path)/indicateurs/\(indicator.id!.uuidString)/valeurs\""), "staff get the entry form")

                let valuePath = "\(path)/indicateurs/\(indicator.id!.uuidString)/valeurs"
                let march = try await staff.post(valuePath, ["value": "5", "date": "2025-03-10", "source": "Compte rendu du comité de pilotage"])
                #expect(march.status == .seeOther)
                let page = try await staff.get(path)
                let row = try #require(P.indicatorRow(page.body, indicator.name))
                #expect(row.contains("<td class=\"num\">5 / 12 structures</td>"))
                #expect(row.contains("<strong>\(P.percent(5, of: 12)) %</strong>"))
                #expect(row.contains("saisi le 10/03/2025, source : Compte rendu du comité de pilotage"))

                // An older entry does not replace the latest one; a newer one does.
                #expect(try await staff.post(valuePath, ["value": "3", "date": "2025-01-15", "source": "Premier bilan"]).status == .seeOther)
                let older = try #require(P.indicatorRow(try await staff.get(path).body, indicator.name))
                #expect(older.contains("<td class=\"num\">5 / 12 structures</td>"))
                #expect(older.contains("saisi le 10/03/2025"))
                #expect(try await staff.post(valuePath, ["value": "8", "date": "2025-06-30", "source": "Bilan semestriel"]).status == .seeOther)
                let newer = try #require(P.indicatorRow(try await staff.get(path).body, indicator.name))
                #expect(newer.contains("<td class=\"num\">8 / 12 structures</td>"))
                #expect(newer.contains("<strong>\(P.percent(8, of: 12)) %</strong>"))
                #expect(newer.contains("saisi le 30/06/2025, source : Bilan semestriel"))
                let entries = try await IndicatorEntry.query(on: app.db).filter(\.$indicator.$id == indicator.requireID()).all()
                #expect(entries.count == 3)
                #expect(Set(entries.map(\.sourceNote)) == ["Compte rendu du comité de pilotage", "Premier bilan", "Bilan semestriel"])

                // The public sees the value, not the form.
                let visitorPage = try await TestClient(app).get(path)
                #expect(P.indicatorRow(visitorPage.body, indicator.name)?.contains("<td class=\"num\">8 / 12 structures</td>") == true)
                #expect(!visitorPage.body.contains("/valeurs\""))

                // Refused entries: French messages, nothing stored.
                for (fields, message) in [
                    (["value": "beaucoup", "date": "2025-04-01", "source": "x"], "Valeur invalide."),
                    (["value": "4", "date": FrenchDate.iso(TestClock.now.addingTimeInterval(40 * 86400)), "source": "x"], "Date invalide ou future."),
                    (["value": "4", "date": "31/02/2025", "source": "x"], "Date invalide ou future."),
                    (["value": "4", "date": "2025-04-01", "source": "  "], "Indiquez la source de la valeur (200 caractères au plus)."),
                ] {
                    let refused = try await staff.post(valuePath, fields)
                    #expect(refused.status == .seeOther)
                    #expect(try await staff.get(path).body.contains(message), "\(message)")
                }
                #expect(try await IndicatorEntry.query(on: app.db).filter(\.$indicator.$id == indicator.requireID()).count() == 3)

                // A computed indicator takes no typed value; the board types nothing.
                let computed = try #require(try await P.indicators(app, p).first { $0.source == .actionCount })
                #expect(try await staff.post("\(path)/indicateurs/\(computed.id!.uuidString)/valeurs", ["value": "99", "date": "2025-04-01", "source": "x"]).status == .notFound)
                let board = try await P.client(app, DemoData.boardEmail)
                #expect(try await board.post(valuePath, ["value": "12", "date": "2025-04-01", "source": "x"]).status == .forbidden)
                #expect(try await IndicatorEntry.query(on: app.db).count() == 3)
            }
        }

        // MARK: Validation

        @Test func actionFormRefusesBadValuesInFrenchAndKeepsThem() async throws {
            try await withGrappe(demo: true) { app in
                let staff = try await P.client(app, DemoData.managerEmail)
                let p = try await P.programme(app, slug: P.tremplins)
                let count = try await P.actions(app, p).count
                try await staff.get("/programmes/\(P.tremplins)/actions/nouvelle")
                let bad = try await staff.post("/programmes/\(P.tremplins)/actions/nouvelle", [
                    "date": "pas une date", "theme": "  ", "commune": "Paris", "animator": "INCONNUE SARL", "animators": "Léa",
                    "participants": "trois", "aud_handicap": "2", "aud_rural": "beaucoup", "duration": "9999", "notes": "Notes gardées",
                ])
                #expect(bad.status == .badRequest)
                for message in ["Date invalide (jj/mm/aaaa ou aaaa-mm-jj).", "Le thème est obligatoire.",
                                "« Paris » n'est pas une commune de Nouvelle-Calédonie.",
                                "« INCONNUE SARL » ne fait pas partie du consortium du programme.",
                                "Nombre de participants invalide (entier de 0 à 100 000).",
                                "« Public rural (hors Grand Nouméa) » : un nombre entier de 0 à 100 000.",
                                "Durée invalide (minutes, de 0 à 1 440)."] {
                    #expect(bad.body.contains(HTML.escape(message)), "\(message)")
                }
                #expect(bad.body.contains("7 erreurs empêchent l&#39;enregistrement"))
                #expect(bad.body.contains("name=\"date\" type=\"date\" value=\"pas une date\""))
                #expect(bad.body.contains("name=\"participants\" type=\"number\" value=\"trois\""))
                #expect(bad.body.contains("name=\"aud_rural\" type=\"number\" value=\"beaucoup\""))
                #expect(bad.body.contains("name=\"aud_handicap\" type=\"number\" value=\"2\""))
                #expect(!bad.body.contains("tpe_pme=12"), "no developer syntax left on the form")
                #expect(bad.body.contains("name=\"animators\" type=\"text\" value=\"Léa\""))
                #expect(bad.body.contains("name=\"duration\" type=\"number\" value=\"9999\""))
                #expect(bad.body.contains(">Notes gardées</textarea>"))
                #expect(bad.body.contains("aria-invalid=\"true\""))

                // Too far ahead, and more people of an audience than participants.
                let later = try await staff.post("/programmes/\(P.tremplins)/actions/nouvelle", [
                    "date": FrenchDate.iso(TestClock.now.addingTimeInterval(400 * 86400)), "theme": "Atelier", "commune": "nouméa", "animator": "skazy",
                    "participants": "4", "aud_handicap": "6",
                ])
                #expect(later.status == .badRequest)
                #expect(later.body.contains(HTML.escape("Date trop lointaine (plus d'un an).")))
                #expect(later.body.contains("Un public ne peut pas dépasser le nombre de participants."))
                #expect(later.body.contains("2 erreurs empêchent l&#39;enregistrement"), "the commune and the animator are read loosely")
                #expect(later.body.contains("<option value=\"Nouméa\"") )
                #expect(try await P.actions(app, p).count == count, "nothing saved")
            }
        }

        @Test func programmeFormRefusesBadValuesInFrenchAndKeepsThemThenSaves() async throws {
            try await withGrappe(demo: true) { app in
                let staff = try await P.client(app, DemoData.managerEmail)
                let skazy = try await P.company(app, "SKAZY")
                let office = try await P.company(app, "OFFICE PLUS")
                let before = try await Programme.query(on: app.db).count()
                let form = try await staff.get("/programmes/nouveau")
                #expect(form.status == .ok)
                #expect(form.body.contains("name=\"consortium[]\" value=\"\(skazy.id!.uuidString)\""))
                let bad = try await staff.post("/programmes/nouveau", [
                    ("name", ""), ("description", "Ateliers *cyber* pour les jeunes"), ("status", "running"), ("startsOn", "2026-05-01"), ("endsOn", "2026-01-01"),
                    ("funders", "Province Sud ; beaucoup\nFondation X"), ("partners", "CCI ; relais"), ("consortium[]", skazy.id!.uuidString),
                    ("axes[]", String(StrategicAxis.allCases[0].rawValue)),
                ])
                #expect(bad.status == .badRequest)
                for message in ["Le nom est obligatoire.", "La fin précède le début.", "Montant illisible : « BPI France ; 15000000 »."] {
                    #expect(bad.body.contains(message), "\(message)")
                }
                #expect(bad.body.contains("3 erreurs empêchent l&#39;enregistrement"))
                #expect(bad.body.contains(">Province Sud ; beaucoup\nFondation X</textarea>"))
                #expect(bad.body.contains(">CCI ; relais</textarea>"))
                #expect(bad.body.contains(">Ateliers *cyber* pour les jeunes</textarea>"))
                #expect(bad.body.contains("name=\"startsOn\" type=\"date\" value=\"2026-05-01\""))
                #expect(bad.body.contains("<option value=\"running\" selected>"))
                #expect(bad.body.contains("name=\"consortium[]\" value=\"\(skazy.id!.uuidString)\" checked>"), "the chosen companies stay ticked")
                #expect(bad.body.contains("name=\"consortium[]\" value=\"\(office.id!.uuidString)\">"))
                #expect(bad.body.contains("name=\"axes[]\" value=\"\(StrategicAxis.allCases[0].rawValue)\" checked>"))
                let badDates = try await staff.post("/programmes/nouveau", ["name": "Cyber Jeunes", "status": "archived", "startsOn": "demain", "endsOn": ""])
                #expect(badDates.status == .badRequest)
                for message in ["État inconnu.", "Date invalide."] { #expect(badDates.body.contains(message), "\(message)") }
                #expect(badDates.body.contains("value=\"Cyber Jeunes\""))
                #expect(try await Programme.query(on: app.db).count() == before, "nothing saved")

                // Saved: funders with and without amount, partners with their role, consortium.
                let saved = try await staff.post("/programmes/nouveau", [
                    ("name", "Cyber Jeunes"), ("description", "Ateliers"), ("status", "running"), ("startsOn", "2026-01-01"), ("endsOn", "2026-12-31"),
                    ("funders", "Province Sud ; 2 000 000\nFondation X"), ("partners", "CCI ; relais\nCMA ; orientation"),
                    ("consortium[]", skazy.id!.uuidString), ("consortium[]", office.id!.uuidString), ("consortium[]", UUID().uuidString),
                ])
                #expect(saved.status == .seeOther)
                #expect(saved.location == "/programmes/cyber-jeunes")
                let p = try await P.programme(app, slug: "cyber-jeunes")
                let funders = try await p.$funders.get(on: app.db)
                #expect(Set(funders.map { "\($0.name)=\($0.amount.map(String.init) ?? "-")" }) == ["Province Sud=2000000", "Fondation X=-"])
                #expect(Set(try await p.$partners.get(on: app.db).map { "\($0.name)/\($0.role)" }) == ["CCI/relais", "CMA/orientation"])
                let consortium = try await ConsortiumMember.query(on: app.db).filter(\.$programme.$id == p.requireID()).all().map(\.$company.id)
                #expect(Set(consortium) == [skazy.id!, office.id!], "unknown companies are ignored")
                let staffPage = try await staff.get("/programmes/cyber-jeunes")
                #expect(staffPage.body.contains("Province Sud (\(Money.xpf(2_000_000)))"), "staff see the amount")
                #expect(staffPage.body.contains("CCI (relais)") && staffPage.body.contains("CMA (orientation)"))
                #expect(staffPage.body.contains("<dt>Consortium</dt><dd>2 entreprises : "))
                let publicPage = try await TestClient(app).get("/programmes/cyber-jeunes")
                let publicFunders = try #require(P.section(publicPage.body, from: "<dt>Financeurs</dt><dd>", to: "</dd>"))
                #expect(publicFunders.contains("Province Sud") && publicFunders.contains("Fondation X"))
                #expect(!publicFunders.contains("XPF"), "no amount for the public")
                #expect(!publicPage.body.contains(Money.xpf(2_000_000)))

                // Edit: the form shows the lines as typed back; a change is saved.
                let edit = try await staff.get("/programmes/cyber-jeunes/modifier")
                #expect(edit.body.contains("Province Sud ; 2000000"))
                #expect(edit.body.contains("name=\"consortium[]\" value=\"\(office.id!.uuidString)\" checked>"))
                let refusedEdit = try await staff.post("/programmes/cyber-jeunes/modifier", ["name": "Cyber Jeunes", "status": "done", "startsOn": "2026-01-01", "endsOn": "2025-01-01"])
                #expect(refusedEdit.status == .badRequest)
                #expect(refusedEdit.body.contains("La fin précède le début."))
                #expect(try await P.programme(app, slug: "cyber-jeunes").status == .running)
                let changed = try await staff.post("/programmes/cyber-jeunes/modifier", [
                    ("name", "Cyber Jeunes"), ("status", "done"), ("startsOn", "2026-01-01"), ("endsOn", "2026-12-31"),
                    ("funders", "Province Sud ; 2 500 000"), ("partners", ""), ("consortium[]", skazy.id!.uuidString),
                ])
                #expect(changed.status == .seeOther)
                #expect(changed.location == "/programmes/cyber-jeunes", "the address stays the same")
                let updated = try await P.programme(app, slug: "cyber-jeunes")
                #expect(updated.status == .done)
                #expect(try await updated.$funders.get(on: app.db).map(\.amount) == [2_500_000])
                #expect(try await updated.$partners.get(on: app.db).isEmpty)
                #expect(try await ConsortiumMember.query(on: app.db).filter(\.$programme.$id == updated.requireID()).all().map(\.$company.id) == [skazy.id!])

                // Only staff open these forms.
                let board = try await P.client(app, DemoData.boardEmail)
                #expect(try await board.get("/programmes/nouveau").status == .forbidden)
                #expect(try await board.post("/programmes/cyber-jeunes/modifier", ["name": "Piraté", "status": "done", "startsOn": "2026-01-01", "endsOn": "2026-12-31"]).status == .forbidden)
                let anonymous = try await TestClient(app).get("/programmes/nouveau")
                #expect(anonymous.status == .seeOther)
                #expect(anonymous.location?.hasPrefix("/connexion") == true)
                #expect(try await P.programme(app, slug: "cyber-jeunes").name == "Cyber Jeunes")
            }
        }

        @Test func indicatorFormRefusesBadValuesInFrench() async throws {
            try await withGrappe(demo: true) { app in
                let staff = try await P.client(app, DemoData.managerEmail)
                let p = try await P.programme(app, named: "NuméRaï")
                let path = "/programmes/\(p.slug)"
                let before = try await P.indicators(app, p).count
                try await staff.get(path)
                for (fields, message) in [
                    (["name": " ", "target": "10", "unit": "ateliers", "source": "action_count"], "L&#39;intitulé est obligatoire."),
                    (["name": "Ateliers en tribu", "target": "-5", "unit": "ateliers", "source": "action_count"], "La cible doit être un nombre positif."),
                    (["name": "Ateliers en tribu", "target": "dix", "unit": "ateliers", "source": "action_count"], "La cible doit être un nombre positif."),
                    (["name": "Ateliers en tribu", "target": "10", "unit": "ateliers", "source": "au pif"], "Mode de calcul inconnu."),
                    (["name": "Jeunes touchés", "target": "10", "unit": "personnes", "source": "audience_sum", "audience": ""], "Choisissez le public compté."),
                    (["name": "Ateliers en tribu", "target": "10", "unit": String(repeating: "u", count: 41), "source": "action_count"], "L&#39;unité : 40 caractères au maximum."),
                ] {
                    let refused = try await staff.post("\(path)/indicateurs", fields)
                    #expect(refused.status == .badRequest)
                    #expect(refused.body.contains(message), "\(message)")
                    #expect(refused.body.contains("<details open>"), "the form stays open with its errors")
                    let typed = fields["name"]!.trimmingCharacters(in: .whitespaces)
                    if !typed.isEmpty { #expect(refused.body.contains("value=\"\(HTML.escape(typed))\""), "the form keeps what was typed") }
                }
                #expect(try await P.indicators(app, p).count == before, "nothing saved")

                // Decimal targets with a comma, and an audience indicator, are accepted.
                let ok = try await staff.post("\(path)/indicateurs", ["name": "Jeunes touchés", "target": "12,5", "unit": "personnes", "source": "audience_sum", "audience": "jeunes"])
                #expect(ok.status == .seeOther)
                let created = try #require(try await Indicator.query(on: app.db).filter(\.$name == "Jeunes touchés").first())
                #expect(created.target == 12.5)
                #expect(created.audience == "jeunes")
                #expect(created.position == before)
                let row = try #require(P.indicatorRow(try await staff.get(path).body, "Jeunes touchés"))
                #expect(row.contains("Participants d&#39;un public cible : Jeunes"))
                #expect(row.contains("<td class=\"num\">0 / 12,5 personnes</td>"), "no action counts young people yet")
                let member = try await P.client(app, DemoData.memberEmail)
                #expect(try await member.post("\(path)/indicateurs", ["name": "X", "target": "1", "source": "manual"]).status == .forbidden)
            }
        }

        // MARK: CSV import

        @Test func csvImportPreviewsWithoutWritingListsRejectionsAndAppliesAllAtOnce() async throws {
            try await withGrappe(demo: true) { app in
                let staff = try await P.client(app, DemoData.managerEmail)
                let p = try await P.programme(app, slug: P.tremplins)
                let indicator = try #require(try await P.indicators(app, p).first)
                let path = "/programmes/\(P.tremplins)/import"
                let before = try await P.actions(app, p)
                #expect(try await staff.get(path).status == .ok)

                let header = "date;theme;commune;animateur;animateurs;participants;publics;duree;notes"
                let good = [
                    "2025-03-04;Cybersécurité pour artisans;Koné;SKAZY;Hatem B.;12;\"tpe_pme=12\";120;",
                    "2025-03-11;Facturation électronique;noumea;office plus;;9;;90;Atelier du soir",
                ]
                let bad = [
                    "2025-03-18;;Paris;INCONNUE SARL;;-1;;;",
                    "31/02/2025;IA générative;Bourail;;;abc;;;",
                ]
                let mixed = ([header] + good + bad).joined(separator: "\n") + "\n"
                let preview = try await staff.upload(path, fields: ["step": "preview"], fileField: "file", filename: "actions.csv", content: Data(mixed.utf8))
                #expect(preview.status == .ok)
                #expect(preview.body.contains("<strong>2</strong> actions prêtes, <strong>2</strong> lignes rejetées"))
                let line4 = try #require(P.section(preview.body, from: "<li>Ligne 4 : ", to: "</li>"))
                for reason in ["animateur : « INCONNUE SARL » ne fait pas partie du consortium du programme.",
                               "commune : « Paris » n'est pas une commune de Nouvelle-Calédonie.",
                               "participants : Nombre de participants invalide (entier de 0 à 100 000).",
                               "thème : Le thème est obligatoire."] {
                    #expect(line4.contains(HTML.escape(reason)), "\(reason)")
                }
                let line5 = try #require(P.section(preview.body, from: "<li>Ligne 5 : ", to: "</li>"))
                #expect(line5.contains("date : Date invalide (jj/mm/aaaa ou aaaa-mm-jj)."))
                #expect(line5.contains("participants : Nombre de participants invalide"))
                #expect(preview.body.contains("<tr><td>2</td><td>2025-03-04</td><td>Cybersécurité pour artisans</td><td>Koné</td><td>SKAZY</td><td class=\"num\">12</td></tr>"))
                #expect(!preview.body.contains("name=\"csv\""), "no import button while lines are rejected")
                #expect(try await P.actions(app, p).count == before.count, "a preview writes nothing")

                // Forcing the apply step with rejected lines writes nothing either.
                let forced = try await staff.post(path, ["csv": mixed, "step": "apply"])
                #expect(forced.status == .badRequest)
                #expect(forced.body.contains("Le fichier contient des lignes rejetées : corrigez-les d'abord."))
                #expect(try await P.actions(app, p).count == before.count)

                // A file without the header row is refused as a whole.
                let headless = try await staff.upload(path, fields: ["step": "preview"], fileField: "file", filename: "a.csv", content: Data(good.joined(separator: "\n").utf8))
                #expect(headless.status == .badRequest)
                #expect(headless.body.contains("La première ligne doit nommer les colonnes : \(ActionCSV.header.joined(separator: ";"))."))

                // A clean file: preview, then the hidden copy is posted back and every line is written.
                let third = "2025-03-25;Le cloud pour les TPE;Lifou;;;15;\"tpe_pme=10;rural=5\";120;"
                let clean = ([header] + good + [third]).joined(separator: "\n") + "\n"
                let cleanPreview = try await staff.upload(path, fields: ["step": "preview"], fileField: "file", filename: "actions.csv", content: Data(clean.utf8))
                #expect(cleanPreview.status == .ok)
                #expect(cleanPreview.body.contains("<strong>3</strong> actions prêtes, <strong>0</strong> ligne rejetée"))
                #expect(cleanPreview.body.contains("Importer 3 actions"))
                #expect(try await P.actions(app, p).count == before.count, "still nothing written")
                let hidden = try #require(cleanPreview.body.range(of: #"name="csv" value="([^"]*)""#, options: .regularExpression))
                let kept = P.unescape(String(cleanPreview.body[hidden]).replacingOccurrences(of: "name=\"csv\" value=\"", with: "").dropLast().description)
                #expect(kept == clean, "the preview keeps the file's text")
                let applied = try await staff.post(path, ["csv": kept, "step": "apply"])
                #expect(applied.status == .seeOther)
                #expect(applied.location == "/programmes/\(P.tremplins)")
                let after = try await P.actions(app, p)
                #expect(after.count == before.count + 3)
                let added = after.filter { a in !before.contains { $0.id == a.id } }
                #expect(Set(added.map(\.theme)) == ["Cybersécurité pour artisans", "Facturation électronique", "Le cloud pour les TPE"])
                let skazy = try await P.company(app, "SKAZY"), office = try await P.company(app, "OFFICE PLUS")
                let byTheme = Dictionary(uniqueKeysWithValues: added.map { ($0.theme, $0) })
                #expect(byTheme["Cybersécurité pour artisans"]?.$animatorCompany.id == skazy.id)
                #expect(byTheme["Facturation électronique"]?.$animatorCompany.id == office.id, "the animator is matched without regard to case")
                #expect(byTheme["Facturation électronique"]?.commune == "Nouméa", "communes are stored with their proper name")
                #expect(byTheme["Le cloud pour les TPE"]?.$animatorCompany.id == nil)
                #expect(byTheme["Le cloud pour les TPE"].map { P.audience($0.audiencesText, "rural") } == 5)
                let page = try await staff.get("/programmes/\(P.tremplins)")
                #expect(page.body.contains("3 actions importées."))
                #expect(page.body.contains("<h2>Actions (\(before.count + 3))</h2>"))
                let sum = after.map(\.participants).reduce(0, +)
                #expect(sum == before.map(\.participants).reduce(0, +) + 36)
                #expect(P.indicatorRow(page.body, indicator.name)?.contains(P.realised(sum, indicator.target, indicator.unit)) == true)

                // The board cannot import.
                let board = try await P.client(app, DemoData.boardEmail)
                #expect(try await board.get(path).status == .forbidden)
                #expect(try await board.post(path, ["csv": clean, "step": "apply"]).status == .forbidden)
                #expect(try await P.actions(app, p).count == before.count + 3)
            }
        }

        // MARK: A consortium company's own summary

        @Test func animatorSummaryIsForStaffBoardAndThatCompanysContacts() async throws {
            try await withGrappe(demo: true) { app in
                let p = try await P.programme(app, slug: P.tremplins)
                let skazy = try await P.company(app, "SKAZY")
                let office = try await P.company(app, "OFFICE PLUS")
                let outsider = try await P.company(app, "ART INFORMATIQUE")
                let members = Set(try await ConsortiumMember.query(on: app.db).filter(\.$programme.$id == p.requireID()).all().map(\.$company.id))
                #expect(members.contains(skazy.id!) && members.contains(office.id!))
                #expect(!members.contains(outsider.id!))
                let base = "/programmes/\(P.tremplins)/animateurs/"

                let member = try await P.client(app, DemoData.memberEmail)
                let own = try await member.get(base + skazy.id!.uuidString)
                #expect(own.status == .ok)
                #expect(own.body.contains("<h1>SKAZY dans « Les Tremplins du Numérique »</h1>"))
                let mine = try await P.actions(app, p).filter { $0.$animatorCompany.id == skazy.id }
                #expect(!mine.isEmpty)
                #expect(own.body.contains("<li><span>Actions animées</span><strong>\(mine.count)</strong></li>"))
                #expect(own.body.contains("<li><span>Participants</span><strong>\(mine.map(\.participants).reduce(0, +))</strong></li>"))
                #expect(own.body.contains("<li><span>Communes</span><strong>\(Set(mine.map(\.commune)).count)</strong></li>"))
                #expect(own.body.components(separatedBy: "<tr><td>").count - 1 == mine.count)
                for a in mine { #expect(own.body.contains("<tr><td>\(FrenchDate.short(a.date))</td><td>\(HTML.escape(a.theme))</td><td>\(HTML.escape(a.commune))</td>")) }

                // Another consortium company's summary is not SKAZY's business.
                let refused = try await member.get(base + office.id!.uuidString)
                #expect(refused.status == .forbidden)
                #expect(!refused.body.contains("OFFICE PLUS dans"))
                // SKAZY is not in NuméRaï's consortium: no summary there.
                let numerai = try await P.programme(app, named: "NuméRaï")
                let numeraiConsortium = try await ConsortiumMember.query(on: app.db).filter(\.$programme.$id == numerai.requireID()).all().map(\.$company.id)
                #expect(!numeraiConsortium.isEmpty && !numeraiConsortium.contains(skazy.id!))
                #expect(try await member.get("/programmes/\(numerai.slug)/animateurs/\(skazy.id!.uuidString)").status == .notFound)

                let board = try await P.client(app, DemoData.boardEmail)
                let boardView = try await board.get(base + office.id!.uuidString)
                #expect(boardView.status == .ok)
                let officeActions = try await P.actions(app, p).filter { $0.$animatorCompany.id == office.id }
                #expect(boardView.body.contains("<li><span>Actions animées</span><strong>\(officeActions.count)</strong></li>"))
                let staff = try await P.client(app, DemoData.managerEmail)
                #expect(try await staff.get(base + skazy.id!.uuidString).status == .ok)
                #expect(try await staff.get(base + outsider.id!.uuidString).status == .notFound, "not in the consortium")
                #expect(try await staff.get(base + "pas-un-uuid").status == .notFound)

                let charity = try await P.client(app, DemoCollecte.charityEmail)
                #expect(try await charity.get(base + skazy.id!.uuidString).status == .forbidden)
                let anonymous = try await TestClient(app).get(base + skazy.id!.uuidString)
                #expect(anonymous.status == .seeOther)
                #expect(anonymous.location?.hasPrefix("/connexion") == true)
            }
        }

        // MARK: Escaping

        @Test func scriptInProgrammeNameAndActionThemeIsEscaped() async throws {
            try await withGrappe(demo: true) { app in
                let attack = "<script>alert('x')</script>"
                let escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
                func expectSafe(_ page: TestClient.Page, _ context: String) {
                    #expect(!page.body.contains("<script>alert"), "raw script in \(context)")
                    #expect(page.body.contains(escaped), "escaped text missing in \(context)")
                }
                let staff = try await P.client(app, DemoData.managerEmail)
                let skazy = try await P.company(app, "SKAZY")
                try await staff.get("/programmes/nouveau")
                let refused = try await staff.post("/programmes/nouveau", ["name": attack, "description": attack, "status": "planned", "startsOn": attack, "endsOn": "2026-12-31",
                                                                          "funders": attack, "partners": attack])
                #expect(refused.status == .badRequest)
                expectSafe(refused, "refused programme form")
                let saved = try await staff.post("/programmes/nouveau", [
                    ("name", attack + " Programme"), ("description", attack), ("status", "running"), ("startsOn", "2026-01-01"), ("endsOn", "2026-12-31"),
                    ("funders", attack + " ; 1000"), ("partners", "CCI ; " + attack), ("consortium[]", skazy.id!.uuidString),
                ])
                #expect(saved.status == .seeOther)
                let path = try #require(saved.location)
                expectSafe(try await staff.get("/programmes"), "programme list")
                expectSafe(try await staff.get(path), "programme page")
                expectSafe(try await staff.get(path + "/modifier"), "edit form")
                let action = try await staff.post(path + "/actions/nouvelle", ["date": "2025-03-02", "theme": attack, "commune": "Nouméa", "animator": "SKAZY",
                                                                             "animators": attack, "participants": "3", "notes": attack])
                #expect(action.status == .seeOther)
                let page = try await staff.get(path)
                expectSafe(page, "programme page with the action")
                #expect(page.body.contains("<td>\(escaped)</td>"), "the theme in the detail table")
                expectSafe(try await TestClient(app).get(path), "public programme page")
                expectSafe(try await staff.get(path + "/animateurs/\(skazy.id!.uuidString)"), "animator summary")
                let stored = try #require(try await ProgrammeAction.query(on: app.db).filter(\.$theme == attack).first())
                expectSafe(try await staff.get(path + "/actions/\(stored.id!.uuidString)"), "action edit form")
                let badAction = try await staff.post(path + "/actions/nouvelle", ["date": attack, "theme": attack, "commune": attack, "animator": attack, "participants": attack])
                #expect(badAction.status == .badRequest)
                expectSafe(badAction, "refused action form")
                let csv = "date;theme;commune;animateur;animateurs;participants;publics;duree;notes\n2025-03-03;\(attack);Nouméa;;;4;;;\n2025-03-04;x;\(attack);;;4;;;\n"
                let preview = try await staff.upload(path + "/import", fields: ["step": "preview"], fileField: "file", filename: "x.csv", content: Data(csv.utf8))
                expectSafe(preview, "import preview")
            }
        }
    }
}
