import Fluent
import Foundation
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// The advisor's interview over HTTP: starting it, saving each step (checked by the domain,
    /// merged with what is stored), resuming, closing (refused while questions are missing; then
    /// the result, the follow-up, the request done and the results email) and who may fill it in.
    @Suite struct DiagnosticInterviewTests {
        static let v1 = DiagnosticQuestionnaire.v1

        /// A diagnostic planned for a shop (activity « commerciale »), with the published questionnaire.
        static func diagnostic(_ app: Application, company: String = "Quincaillerie <Koné>", status: Diagnostic.Status = .planned,
                               advisorPerson: UUID? = nil, closedAt: Date? = nil) async throws -> (DiagnosticRequest, Diagnostic) {
            let r = try await DiagnosticPlanningTests.request(app, company: company, status: status == .closed ? .done : .planned)
            let version = try #require(try await QuestionnaireVersion.query(on: app.db).filter(\.$status == .published)
                .sort(\.$version, .descending).first())
            let d = Diagnostic(organisationID: r.$organisation.id, requestID: try r.requireID(), questionnaireID: try version.requireID(),
                               startsAt: TestClock.now.addingTimeInterval(3600))
            d.$advisorPerson.id = advisorPerson
            d.status = status
            d.closedAt = closedAt
            try await d.create(on: app.db)
            return (r, d)
        }

        /// A complete answer to every question asked of a shop, varied by question.
        static func completeAnswers(for activity: BusinessActivity = .retail) -> [String: DiagnosticAnswer] {
            var answers: [String: DiagnosticAnswer] = [:]
            for (index, q) in v1.questions(askedOf: activity).enumerated() {
                switch q.kind {
                case .multipleChoice: answers[q.key] = .choices(Set(q.options.filter { !$0.exclusive }.prefix(1 + index % 3).map(\.key)))
                case .scale: answers[q.key] = .scale(Dictionary(uniqueKeysWithValues: q.rows.enumerated().map { ($1.key, ($0 + index) % 6) }))
                case .triState:
                    answers[q.key] = .triState(Dictionary(uniqueKeysWithValues: q.rows.enumerated().map { ($1.key, DiagnosticAnswer.TriState.allCases[$0 % 3]) }))
                case .investment:
                    answers[q.key] = .investment([q.rows[0].key: .init(already: true), q.rows[1].key: .init(planned: true),
                                                  q.rows[2].key: .init(already: true, planned: true)])
                }
            }
            return answers
        }

        /// The form fields that post `answers`, as the step's page names them.
        static func fields(_ answers: [String: DiagnosticAnswer]) -> [(String, String)] {
            answers.sorted { $0.key < $1.key }.flatMap { key, answer -> [(String, String)] in
                let q = v1.question(key)!
                switch answer {
                case .choices(let keys): return keys.sorted().map { ("\(key)[]", $0) }
                case .scale(let rows): return rows.sorted { $0.key < $1.key }.map { (DiagnosticInterviewForm.field(q, row: $0.key), String($0.value)) }
                case .triState(let rows): return rows.sorted { $0.key < $1.key }.map { (DiagnosticInterviewForm.field(q, row: $0.key), $0.value.rawValue) }
                case .investment(let rows):
                    return rows.sorted { $0.key < $1.key }.flatMap { row, boxes in
                        (boxes.already ? [(DiagnosticInterviewForm.field(q, row: row, box: "deja"), "1")] : [])
                            + (boxes.planned ? [(DiagnosticInterviewForm.field(q, row: row, box: "prevu"), "1")] : [])
                    }
                }
            }
        }

        static func step(_ answers: [String: DiagnosticAnswer], _ dimension: DiagnosticDimension) -> [String: DiagnosticAnswer] {
            answers.filter { v1.question($0.key)?.dimension == dimension }
        }

        static func reload(_ app: Application, _ d: Diagnostic) async throws -> Diagnostic {
            try #require(try await Diagnostic.find(d.id, on: app.db))
        }

        static func path(_ d: Diagnostic, _ tail: String = "") -> String { "/entretiens/\(d.id!.uuidString)\(tail)" }

        @Test func startedFromTheStaffPageThenSavedStepByStepAndResumed() async throws {
            try await withGrappe { app in
                let staff = try await Fixtures.staffClient(app)
                let (r, d) = try await Self.diagnostic(app)
                let admin = try await staff.get("/admin/diagnostics/\(r.id!.uuidString)")
                #expect(admin.body.contains("Commencer l&#39;entretien"))
                #expect(try await staff.get(Self.path(d, "/etapes/strategy")).location == Self.path(d), "a planned interview starts first")

                let started = try await staff.post(Self.path(d, "/commencer"), [:])
                #expect(started.status == .seeOther && started.location == Self.path(d, "/etapes/strategy"))
                #expect(try await Self.reload(app, d).status == .inProgress)
                let moved = try await staff.post("/admin/diagnostics/\(r.id!.uuidString)/planifier",
                                                 ["advisor": try await DiagnosticPlanningTests.staffKey(app), "date": "2026-10-06", "time": "09:00"])
                let unmoved = try await Self.reload(app, d)
                #expect(moved.status == .seeOther && unmoved.startsAt == d.startsAt, "the appointment no longer moves")

                let answers = Self.step(Self.completeAnswers(), .strategy)
                let saved = try await staff.post(Self.path(d, "/etapes/strategy"), Self.fields(answers) + [("note", "  Gérant <pressé> & motivé  "), ("suite", "1")])
                #expect(saved.status == .seeOther && saved.location == Self.path(d, "/etapes/readiness"), "save and continue")
                let stored = try await Self.reload(app, d)
                #expect(stored.storedAnswers == answers)
                let expected = Diagnostic()
                try expected.store(answers: answers)
                #expect(stored.answers == expected.answers, "the domain's JSON")
                #expect(DiagnosticScoring.result(Self.v1, stored.storedAnswers) == DiagnosticScoring.result(Self.v1, answers))
                #expect(stored.storedNotes == [.strategy: "Gérant <pressé> & motivé"])

                // « Enregistrer » stays on the step; resuming shows what is stored.
                let again = try await staff.post(Self.path(d, "/etapes/strategy"), Self.fields(answers) + [("note", "Gérant pressé"), ("suite", "0")])
                #expect(again.location == Self.path(d, "/etapes/strategy"))
                let page = try await staff.get(Self.path(d, "/etapes/strategy"))
                #expect(page.status == .ok && page.body.contains("Étape « Stratégie numérique » enregistrée."))
                #expect(page.body.contains("name=\"q1_investments-area1-deja\" value=\"1\" checked") && page.body.contains("name=\"q1_investments-area2-prevu\" value=\"1\" checked"))
                #expect(!page.body.contains("name=\"q1_investments-area2-deja\" value=\"1\" checked"))
                #expect(page.body.contains("value=\"prep1\" checked") && page.body.contains(">Gérant pressé</textarea>"))
                let overview = try await staff.get(Self.path(d))
                #expect(overview.body.contains("2 réponses sur 2 questions") && overview.body.contains("0 réponse sur 4 questions"))
                #expect(overview.body.contains("Gérant pressé"))
            }
        }

        @Test func aWrongAnswerIsRefusedWithWhatWasTypedAndNothingSaved() async throws {
            try await withGrappe { app in
                let staff = try await Fixtures.staffClient(app)
                let (_, d) = try await Self.diagnostic(app, status: .inProgress)
                let both = try await staff.post(Self.path(d, "/etapes/data"), [("q7_data[]", "data_none"), ("q7_data[]", "data2"), ("q8_security[]", "sec1"),
                                                                                 ("note", "Pas de sauvegarde"), ("suite", "1")])
                #expect(both.status == .badRequest)
                #expect(both.body.contains("« Les données ne sont pas collectées sous forme numérique » exclut les autres réponses"))
                #expect(both.body.contains("value=\"data_none\" checked") && both.body.contains("value=\"data2\" checked") && both.body.contains("value=\"sec1\" checked"))
                #expect(both.body.contains(">Pas de sauvegarde</textarea>"))
                let level = try await staff.post(Self.path(d, "/etapes/readiness"), [("q4_advanced_technologies-adv1", "9"), ("q4_advanced_technologies-adv2", "2")])
                #expect(level.status == .badRequest && level.body.contains("« Simulation et jumeaux numériques » : le niveau va de 0 à 5."))
                #expect(level.body.contains("name=\"q4_advanced_technologies-adv2\" value=\"2\" checked"))
                let state = try await staff.post(Self.path(d, "/etapes/green"), [("q11_green_it-env1", "peut-être")])
                #expect(state.status == .badRequest && state.body.contains("répondez par non, en partie ou oui."))
                let stored = try await Self.reload(app, d)
                #expect(stored.storedAnswers.isEmpty && stored.storedNotes.isEmpty, "nothing saved")
                #expect(try await staff.post(Self.path(d, "/etapes/finance"), [:]).status == .notFound)
                #expect(try await staff.get(Self.path(d, "/etapes/finance")).status == .notFound)
            }
        }

        @Test func aCancelledOrNotYetStartedInterviewTakesNoAnswer() async throws {
            try await withGrappe { app in
                let staff = try await Fixtures.staffClient(app)
                let (_, cancelled) = try await Self.diagnostic(app, status: .cancelled)
                let fields = Self.fields(Self.step(Self.completeAnswers(), .strategy))
                let refused = try await staff.post(Self.path(cancelled, "/etapes/strategy"), fields)
                #expect(refused.status == .conflict && refused.body.contains("Ce rendez-vous est annulé : l&#39;entretien ne peut pas être rempli."))
                #expect(try await staff.post(Self.path(cancelled, "/clore"), [:]).status == .conflict)
                #expect(try await staff.post(Self.path(cancelled, "/commencer"), [:]).status == .conflict)
                let (_, planned) = try await Self.diagnostic(app, company: "Pas encore commencé")
                #expect(try await staff.post(Self.path(planned, "/etapes/strategy"), fields).status == .conflict)
                let untouched = try await Self.reload(app, cancelled)
                #expect(untouched.status == .cancelled && untouched.storedAnswers.isEmpty)
                #expect(try await Self.reload(app, planned).storedAnswers.isEmpty)
            }
        }

        @Test func twoStepsSavedOneAfterTheOtherAreBothKept() async throws {
            try await withGrappe { app in
                let staff = try await Fixtures.staffClient(app)
                let (_, d) = try await Self.diagnostic(app, status: .inProgress)
                let all = Self.completeAnswers()
                // Two tabs opened before either saved: each saves its own step from what it read.
                let user = try #require(try await User.query(on: app.db).filter(\.$email == "staff@open.nc").first())
                let tab1 = try #require(try await DiagnosticInterviewContext.load(app.db, organisationID: d.$organisation.id, id: d.id!, user: user))
                let tab2 = try #require(try await DiagnosticInterviewContext.load(app.db, organisationID: d.$organisation.id, id: d.id!, user: user))
                let green = DiagnosticInterviewForm(answers: Self.step(all, .green), note: "Tri sélectif")
                let human = DiagnosticInterviewForm(answers: Self.step(all, .humanCentric), note: "")
                try await DiagnosticInterview.save(green, dimension: .green, context: tab1, on: app.db)
                try await DiagnosticInterview.save(human, dimension: .humanCentric, context: tab2, on: app.db)
                // Then over HTTP, a third step with a partial scale: kept as it is.
                let partial = try await staff.post(Self.path(d, "/etapes/readiness"), [("q4_advanced_technologies-adv1", "3")])
                #expect(partial.status == .seeOther)
                let stored = try await Self.reload(app, d)
                // Left blank on that step: Q3 (ticking none of its boxes is an answer) is stored empty; the
                // visibility question (its « none » is a box of its own) and the equipment rows are not.
                let readiness: [String: DiagnosticAnswer] = ["q4_advanced_technologies": .scale(["adv1": 3]), "q3_basic_technologies": .choices([])]
                #expect(stored.storedAnswers == Self.step(all, .green).merging(Self.step(all, .humanCentric)) { a, _ in a }.merging(readiness) { a, _ in a })
                #expect(stored.storedNotes == [.green: "Tri sélectif"])
            }
        }

        @Test func closingIsRefusedWhileQuestionsAreUnanswered() async throws {
            try await withGrappe { app in
                let staff = try await Fixtures.staffClient(app)
                let (r, d) = try await Self.diagnostic(app, status: .inProgress)
                let all = Self.completeAnswers()
                for dimension in DiagnosticDimension.allCases where dimension != .automation {
                    #expect(try await staff.post(Self.path(d, "/etapes/\(dimension.rawValue)"), Self.fields(Self.step(all, dimension))).status == .seeOther)
                }
                _ = try await staff.post(Self.path(d, "/etapes/automation"), [("q9_automation-ai1", "2")])
                let refused = try await staff.post(Self.path(d, "/clore"), [:])
                #expect(refused.status == .badRequest)
                #expect(refused.body.contains("L&#39;entretien ne peut pas être clos : une question reste sans réponse complète (« Q9 · Automatisation et IA »)."))
                let stored = try await Self.reload(app, d)
                #expect(stored.status == .inProgress && stored.overallScore == nil && stored.resultsTokenHash == nil)
                #expect(try await DiagnosticRequest.find(r.id, on: app.db)?.status == .planned)
                #expect(try await OutboxMessage.query(on: app.db).count() == 0)
            }
        }

        @Test func closingRecordsTheResultFollowsTheEarlierOneAndSendsTheLink() async throws {
            try await withGrappe { app in
                let staff = try await Fixtures.staffClient(app)
                let (_, earlier) = try await Self.diagnostic(app, company: "Quincaillerie (2025)", status: .closed, closedAt: TestClock.now.addingTimeInterval(-200 * 86_400))
                let (r, d) = try await Self.diagnostic(app)
                _ = try await staff.post(Self.path(d, "/commencer"), [:])
                let all = Self.completeAnswers()
                for dimension in DiagnosticDimension.allCases {
                    let saved = try await staff.post(Self.path(d, "/etapes/\(dimension.rawValue)"), Self.fields(Self.step(all, dimension)) + [("suite", "1")])
                    #expect(saved.status == .seeOther)
                }
                #expect(try await staff.get(Self.path(d)).body.contains(" : l'entretien peut être clos."))
                let closed = try await staff.post(Self.path(d, "/clore"), [:])
                #expect(closed.status == .seeOther && closed.location == "/admin/diagnostics/\(r.id!.uuidString)")

                let stored = try await Self.reload(app, d)
                let result = DiagnosticScoring.result(Self.v1, all)
                #expect(stored.status == .closed && stored.closedAt == TestClock.now)
                #expect(stored.overallScore == result.overall && stored.level == result.level.rawValue)
                #expect(stored.scoreStrategy == result.score(.strategy) && stored.scoreReadiness == result.score(.readiness)
                    && stored.scoreHumanCentric == result.score(.humanCentric) && stored.scoreData == result.score(.data)
                    && stored.scoreAutomation == result.score(.automation) && stored.scoreGreen == result.score(.green))
                #expect(stored.followsID == earlier.id, "the earlier diagnostic of the same RIDET is followed up")
                #expect(try await DiagnosticRequest.find(r.id, on: app.db)?.status == .done)
                let mails = try await OutboxMessage.query(on: app.db).all()
                #expect(mails.count == 1 && mails.first?.recipient == "paul@quincaillerie.example")
                #expect(mails.first?.subject == "Les résultats de votre diagnostic numérique" && mails.first?.body.contains("/diagnostic/resultats/") == true)
                let token = try #require(mails.first?.body.split(separator: "\n").first { $0.contains("/diagnostic/resultats/") }?.split(separator: "/").last)
                #expect(try await DiagnosticResultsLink.find(token: String(token), on: app.db)?.id == d.id)

                // Read-only from now on.
                let late = try await staff.post(Self.path(d, "/etapes/strategy"), [("note", "Après coup")])
                #expect(late.status == .conflict && late.body.contains("Cet entretien est clos : ses réponses ne se modifient plus."))
                let after = try await Self.reload(app, d)
                #expect(after.answers == stored.answers && after.storedNotes.isEmpty)
                let page = try await staff.get(Self.path(d, "/etapes/strategy"))
                #expect(page.status == .ok && page.body.contains("<fieldset class=\"interview-body\" disabled>") && !page.body.contains("Enregistrer et continuer"))
                #expect(try await staff.post(Self.path(d, "/clore"), [:]).status == .conflict)
                #expect(try await staff.post(Self.path(d, "/commencer"), [:]).status == .conflict)
                #expect(try await OutboxMessage.query(on: app.db).count() == 1, "one link sent")
            }
        }

        @Test func theAdvisorsInvitationLinksTheInterview() async throws {
            try await withGrappe { app in
                let staff = try await Fixtures.staffClient(app)
                let orgID = try await Fixtures.organisationID(app)
                let (company, person) = try await Fixtures.member(app, name: "Conseil Numérique NC", login: "conseil@cn.example")
                _ = try await DemoProgrammes.programme(orgID, name: "Diagnostics de maturité numérique", status: .running,
                                                       from: FrenchDate.make(2026, 1, 1), to: FrenchDate.make(2026, 12, 31), axes: [], about: "",
                                                       funders: [], partners: [], consortium: [try company.requireID()], on: app.db)
                let r = try await DiagnosticPlanningTests.request(app)
                let planned = try await staff.post("/admin/diagnostics/\(r.id!.uuidString)/planifier",
                                                   ["advisor": "person:\(person.id!.uuidString)", "date": "2026-10-06", "time": "09:00"])
                #expect(planned.status == .seeOther)
                let d = try #require(try await Diagnostic.query(on: app.db).first())
                let mails = try await OutboxMessage.query(on: app.db).all()
                let link = app.baseURL + "/entretiens/\(d.id!.uuidString)"
                #expect(mails.first { $0.recipient == "conseil@cn.example" }?.body.contains(link) == true, "the advisor gets the interview's page")
                #expect(mails.first { $0.recipient == "paul@quincaillerie.example" }?.body.contains("/entretiens/") == false, "not the business")
                let advisor = TestClient(app)
                try await advisor.login("conseil@cn.example", Fixtures.password)
                #expect(try await advisor.post("/entretiens/\(d.id!.uuidString)/commencer", [:]).status == .seeOther)
                #expect(try await Self.reload(app, d).status == .inProgress)
            }
        }

        @Test func onlyTheStaffAndTheDiagnosticsAdvisorFillItIn() async throws {
            try await withGrappe { app in
                let (_, advisor) = try await Fixtures.member(app, name: "Conseil Numérique NC", login: "conseil@cn.example")
                _ = try await Fixtures.member(app, name: "Autre Société", login: "autre@as.example")
                let (_, d) = try await Self.diagnostic(app, status: .inProgress, advisorPerson: advisor.id)
                let answers = Self.step(Self.completeAnswers(), .data)

                let visitor = TestClient(app)
                #expect(try await visitor.get(Self.path(d)).location?.hasPrefix("/connexion") == true)
                let other = TestClient(app)
                try await other.login("autre@as.example", Fixtures.password)
                #expect(try await other.get(Self.path(d)).status == .notFound)
                #expect(try await other.get(Self.path(d, "/etapes/data")).status == .notFound)
                #expect(try await other.post(Self.path(d, "/etapes/data"), Self.fields(answers)).status == .notFound)
                #expect(try await other.post(Self.path(d, "/clore"), [:]).status == .notFound)
                let edition = try await CTFFixtures.edition(app)
                let player = try await CTFFixtures.player(app, edition: edition, pseudonym: "zer0", email: "zero@ecole.example")
                let playerClient = TestClient(app)
                try await playerClient.login(player.email, Fixtures.password)
                #expect(try await playerClient.get(Self.path(d)).status == .forbidden)
                #expect(try await playerClient.post(Self.path(d, "/etapes/data"), Self.fields(answers)).status == .forbidden)
                try await Fixtures.user(app, email: "ca@open.nc", role: .board)
                let board = TestClient(app)
                try await board.login("ca@open.nc", Fixtures.password)
                #expect(try await board.get(Self.path(d)).status == .notFound)
                #expect(try await Self.reload(app, d).storedAnswers.isEmpty, "nothing saved by them")

                // The advisor, a member company's person with a login, fills it in.
                let mine = TestClient(app)
                try await mine.login("conseil@cn.example", Fixtures.password)
                let overview = try await mine.get(Self.path(d))
                #expect(overview.status == .ok && overview.body.contains("Entretien — Quincaillerie &lt;Koné&gt;"))
                #expect(!overview.body.contains("href=\"/admin/diagnostics\""), "no link to the staff's pages")
                #expect(try await mine.post(Self.path(d, "/etapes/data"), Self.fields(answers)).status == .seeOther)
                #expect(try await Self.reload(app, d).storedAnswers == answers)
            }
        }
    }
}
