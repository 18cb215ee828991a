import Fluent
import Foundation
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// The business's results over HTTP: its private link, the scores it was given, the radar,
    /// the plan with the members who can carry it out, the grant; the follow-up; the staff's plan
    /// editor and the new link; who may reach what.
    @Suite struct DiagnosticResultsTests {
        typealias F = DiagnosticResultsFixtures

        static func evaluation(_ app: Application, _ closed: F.Closed) async throws -> DiagnosticEvaluation {
            let d = try #require(try await Diagnostic.find(closed.diagnostic.id, on: app.db))
            return try await DiagnosticEvaluation.load(d, request: closed.request, on: app.db)
        }

        /// The plan's actions (keys of `keys`) in the order `body` shows them.
        static func order(_ keys: [String], in body: String) -> [String] {
            keys.compactMap { key in body.range(of: "data-action=\"\(key)\"").map { (key, $0.lowerBound) } }
                .sorted { $0.1 < $1.1 }.map(\.0)
        }

        @Test func theBusinessReadsItsScoresRadarPlanProvidersAndGrantByItsLink() async throws {
            try await withGrappe { app in
                _ = try await Fixtures.staffClient(app)
                let closed = try await F.closed(app, notes: [.data: "Sauvegardes sur une clé <USB>"])
                let evaluation = try await Self.evaluation(app, closed)
                let first = try #require(evaluation.plan.items.first?.action)
                let provider = try await F.provider(app, name: "Cyber Conseil Calédonie", domains: first.competences)
                try await F.provider(app, name: "Ancien Adhérent", domains: first.competences, year: 2020)

                let page = try await TestClient(app).get(closed.path)
                #expect(page.status == .ok)
                #expect(page.headers.first(name: .cacheControl) == "private, no-store")
                #expect(page.headers.first(name: "X-Robots-Tag") == "noindex")
                let body = page.body
                // The company's name is escaped.
                #expect(body.contains("Épicerie &lt;script&gt;alert(1)&lt;/script&gt;") && !body.contains("<script>alert(1)"))
                #expect(body.contains(F.escaped("Sauvegardes sur une clé <USB>")))
                // The scores are the recorded columns.
                let d = closed.diagnostic
                let recorded: [(DiagnosticDimension, Double?)] = [(.strategy, d.scoreStrategy), (.readiness, d.scoreReadiness), (.humanCentric, d.scoreHumanCentric),
                                                                  (.data, d.scoreData), (.automation, d.scoreAutomation), (.green, d.scoreGreen)]
                for (dimension, score) in recorded {
                    let shown = DiagnosticScoring.shown(try #require(score))
                    #expect(body.contains("data-dimension=\"\(dimension.rawValue)\">\(shown)</td>"), "\(dimension) shows \(shown)")
                }
                let level = try #require(d.level.flatMap(MaturityLevel.init(rawValue:)))
                #expect(body.contains(F.escaped(level.label)) && body.contains(F.escaped(level.summary)))
                #expect(body.contains("<strong>\(DiagnosticScoring.shown(try #require(d.overallScore)))</strong> / 100"))
                // The radar, accessible, with its table.
                #expect(body.contains("<svg") && body.contains("role=\"img\"") && body.contains("Maturité numérique par dimension (sur 100)</title>"))
                #expect(body.components(separatedBy: "class=\"radar-series").count == 2, "one polygon without a follow-up")
                // The gaps, the plan in its order, and who can carry out the first action.
                for gap in evaluation.gaps { #expect(body.contains(F.escaped(gap.title))) }
                let keys = evaluation.plan.actions.map(\.key)
                #expect(!keys.isEmpty && Self.order(keys, in: body) == keys)
                for action in evaluation.plan.actions { #expect(body.contains(F.escaped(action.title))) }
                #expect(body.contains("href=\"/annuaire/\(provider.slug)\">Cyber Conseil Calédonie</a>"))
                #expect(!first.competences.isEmpty && !body.contains("Ancien Adhérent"), "a former member is not offered")
                // The grant: eligible, the estimate is the rules' arithmetic.
                #expect(evaluation.grant.isEligible)
                #expect(body.contains(Money.xpf(evaluation.grant.eligibleCost)) && body.contains(Money.xpf(evaluation.grant.amount)))
                #expect(body.contains("href=\"/diagnostic/resultats/\(closed.token)/pdf\""))
            }
        }

        /// The providers of the whole plan come from one query: the page costs the same with one
        /// provider or one per action.
        @Test func theResultsPageQueriesDoNotGrowWithThePlanOrItsProviders() async throws {
            try await withGrappe(alone: true) { app in
                let closed = try await F.closed(app)
                let actions = try await Self.evaluation(app, closed).plan.actions.filter { !$0.competences.isEmpty }
                let visitor = TestClient(app)
                func queries() async throws -> Int {
                    try await visitor.get(closed.path)
                    QueryLog.reset()
                    let page = try await visitor.get(closed.path)
                    #expect(page.status == .ok)
                    return QueryLog.count
                }
                try await F.provider(app, name: "Prestataire 0", domains: actions[0].competences)
                let one = try await queries()
                for (index, action) in actions.enumerated().dropFirst() { try await F.provider(app, name: "Prestataire \(index)", domains: action.competences) }
                let many = try await queries()
                #expect(actions.count > 5 && one > 0 && one == many, "one provider: \(one) queries, \(actions.count): \(many)")
            }
        }

        @Test func theGrantIsHalfTheEligibleCostCappedOrRefusedWithReasons() async throws {
            try await withGrappe { app in
                // A basic retailer of Païta (Province Sud): many eligible actions, so the cap applies.
                let sud = try await F.closed(app, company: "Quincaillerie du Sud", commune: "Païta", activity: .retail, level: 1)
                let grant = try await Self.evaluation(app, sud).grant
                #expect(grant.isEligible && grant.eligibleCost > 0)
                #expect(grant.uncapped == grant.eligibleCost * 50 / 100)
                #expect(grant.amount == min(grant.uncapped, 250_000))
                let page = try await TestClient(app).get(sud.path)
                #expect(page.body.contains("class=\"grant-amount\"><span class=\"num\">\(Money.xpf(grant.amount))</span>"))
                #expect(page.body.contains("class=\"capped\"") == grant.isCapped)
                #expect(grant.isCapped, "the basic plan costs more than 500 000 XPF of eligible actions: \(grant.eligibleCost)")

                // A retailer of Koné (Province Nord): the reasons, no estimate.
                let nord = try await F.closed(app, company: "Magasin du Nord", commune: "Koné", activity: .retail, level: 1)
                let refused = try await Self.evaluation(app, nord).grant
                #expect(!refused.isEligible && refused.amount == 0)
                let nordPage = try await TestClient(app).get(nord.path)
                for reason in refused.refusals { #expect(nordPage.body.contains(F.escaped(reason)), "\(reason)") }
                #expect(nordPage.body.contains("Koné est en Province Nord"))
                #expect(!nordPage.body.contains("Aide estimée"))
            }
        }

        @Test func anUnknownTokenOrADiagnosticNotClosedIsNotFound() async throws {
            try await withGrappe { app in
                let open = try await F.closed(app, status: .inProgress)
                let visitor = TestClient(app)
                for path in ["/diagnostic/resultats/\(Tokens.random())", "/diagnostic/resultats/\(Tokens.random())/pdf", open.path, open.path + "/pdf"] {
                    let page = try await visitor.get(path)
                    #expect(page.status == .notFound, "\(path)")
                    #expect(!page.body.contains("Épicerie"))
                }
            }
        }

        @Test func aFollowUpShowsBothRadarsAndTheChanges() async throws {
            try await withGrappe { app in
                let staff = try await Fixtures.staffClient(app)
                let first = try await F.closed(app, company: "Boulangerie Kanak", level: 1, closedAt: FrenchDate.make(2025, 9, 10))
                let second = try await F.closed(app, company: "Boulangerie Kanak", level: 3, closedAt: TestClock.now, follows: first.diagnostic)
                let before = try #require(first.diagnostic.recordedResult), after = try #require(second.diagnostic.recordedResult)
                let comparison = DiagnosticComparison(first: before, on: FrenchDate.make(2025, 9, 10), second: after, on: TestClock.now)
                let page = try await TestClient(app).get(second.path)
                #expect(page.status == .ok)
                #expect(page.body.contains("Évolution depuis le diagnostic du mercredi 10 septembre 2025"))
                #expect(page.body.contains("12 mois entre les deux diagnostics"))
                #expect(page.body.components(separatedBy: "class=\"radar-series").count == 3, "the earlier radar as a second polygon")
                #expect(page.body.contains("stroke-dasharray"))
                for change in comparison.changes {
                    #expect(page.body.contains("<td class=\"num\">\(DiagnosticComparison.signed(change.change))</td>"), "\(change.dimension)")
                }
                #expect(comparison.overallChange > 0 && page.body.contains(DiagnosticComparison.signed(comparison.overallChange)))
                if comparison.levelChanged { #expect(page.body.contains(F.escaped("Le niveau passe de « \(before.level.label) » à « \(after.level.label) »."))) }
                // Staff see the same on the request's page.
                let staffPage = try await staff.get("/admin/diagnostics/\(second.request.id!.uuidString)")
                #expect(staffPage.status == .ok && staffPage.body.contains("Évolution depuis le diagnostic du mercredi 10 septembre 2025"))
            }
        }

        @Test func theAdvisorsChangesToThePlanAreWhatTheBusinessSees() async throws {
            try await withGrappe { app in
                let staff = try await Fixtures.staffClient(app)
                let closed = try await F.closed(app)
                let path = "/admin/diagnostics/\(closed.request.id!.uuidString)"
                let keys = try await Self.evaluation(app, closed).plan.actions.map(\.key)
                #expect(keys.count >= 3)
                let show = try await staff.get(path)
                #expect(show.status == .ok && show.body.contains("Résultats du diagnostic") && show.body.contains("Renvoyer le lien à l&#39;entreprise"))
                #expect(Self.order(keys, in: show.body) == keys)

                // The second action moves up: the business sees it first.
                #expect(try await staff.post(path + "/plan/deplacer", [("action", keys[1]), ("direction", "up")]).status == .seeOther)
                var business = try await TestClient(app).get(closed.path)
                #expect(Self.order([keys[0], keys[1]], in: business.body) == [keys[1], keys[0]])

                // Removed: gone from the business's page.
                #expect(try await staff.post(path + "/plan/retirer", [("action", keys[2])]).status == .seeOther)
                business = try await TestClient(app).get(closed.path)
                #expect(!business.body.contains("data-action=\"\(keys[2])\""))

                // Added back from the catalogue.
                #expect(try await staff.post(path + "/plan/ajouter", [("action", keys[2])]).status == .seeOther)
                business = try await TestClient(app).get(closed.path)
                #expect(business.body.contains("data-action=\"\(keys[2])\""))

                // Refused: an action not in the catalogue, one already in the plan; nothing saved.
                let saved = try #require(try await Diagnostic.find(closed.diagnostic.id, on: app.db)).planOverrides
                let unknown = try await staff.post(path + "/plan/ajouter", [("action", "inconnue")])
                #expect(unknown.status == .badRequest && unknown.body.contains("Cette action n&#39;est pas au catalogue."))
                let twice = try await staff.post(path + "/plan/ajouter", [("action", keys[2])])
                #expect(twice.status == .badRequest && twice.body.contains("Cette action est déjà dans le plan."))
                let top = try await staff.post(path + "/plan/deplacer", [("action", keys[1]), ("direction", "up")])
                #expect(top.status == .badRequest && top.body.contains("Cette action est déjà la première du plan."))
                #expect(try #require(try await Diagnostic.find(closed.diagnostic.id, on: app.db)).planOverrides == saved)
                #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "diagnostic").count() == 3)
            }
        }

        @Test func sendingTheLinkAgainReplacesTheOldOne() async throws {
            try await withGrappe { app in
                let staff = try await Fixtures.staffClient(app)
                let closed = try await F.closed(app)
                #expect(try await TestClient(app).get(closed.path).status == .ok)
                let sent = try await staff.post("/admin/diagnostics/\(closed.request.id!.uuidString)/resultats/renvoyer", [])
                #expect(sent.status == .seeOther)
                #expect(try await TestClient(app).get(closed.path).status == .notFound, "the old link no longer opens")
                let mail = try #require(try await OutboxMessage.query(on: app.db).filter(\.$recipient == closed.request.contactEmail).first())
                let link = try #require(mail.body.split(separator: "\n").first { $0.contains("/diagnostic/resultats/") })
                let path = String(link[link.range(of: "/diagnostic/resultats/")!.lowerBound...])
                let reopened = try await TestClient(app).get(path)
                #expect(path != closed.path && reopened.status == .ok)
            }
        }

        @Test func onceTheContactIsErasedTheLinkNoLongerOpensAndNoneIsSent() async throws {
            try await withGrappe { app in
                let staff = try await Fixtures.staffClient(app)
                let closed = try await F.closed(app)
                closed.request.erasedAt = TestClock.now
                try await closed.request.save(on: app.db)
                #expect(try await TestClient(app).get(closed.path).status == .notFound)
                let refused = try await staff.post("/admin/diagnostics/\(closed.request.id!.uuidString)/resultats/renvoyer", [])
                #expect(refused.status == .seeOther)
                #expect(try await staff.get(refused.location ?? "/").body.contains("Les coordonnées du contact ont été effacées"))
                #expect(try await OutboxMessage.query(on: app.db).count() == 0)
                #expect(try await Diagnostic.find(closed.diagnostic.id, on: app.db)?.resultsTokenHash == closed.diagnostic.resultsTokenHash)
            }
        }

        @Test func onlyStaffReachTheResultsSectionAndThePlanEditor() async throws {
            try await withGrappe { app in
                let closed = try await F.closed(app)
                let base = "/admin/diagnostics/\(closed.request.id!.uuidString)"
                let edits = [base, base + "/plan/deplacer", base + "/plan/retirer", base + "/plan/ajouter", base + "/resultats/renvoyer"]
                _ = try await Fixtures.member(app, name: "Ma Société", login: "moi@ma-societe.example")
                let member = TestClient(app)
                try await member.login("moi@ma-societe.example", Fixtures.password)
                let edition = try await CTFFixtures.edition(app)
                let player = try await CTFFixtures.player(app, edition: edition, pseudonym: "zer0", email: "zero@ecole.example")
                let playerClient = TestClient(app)
                try await playerClient.login(player.email, Fixtures.password)
                let visitor = TestClient(app)
                for path in edits {
                    let asMember = path == base ? try await member.get(path) : try await member.post(path, [("action", "roadmap")])
                    #expect(asMember.status == .forbidden, "\(path)")
                    let asPlayer = path == base ? try await playerClient.get(path) : try await playerClient.post(path, [("action", "roadmap")])
                    #expect(asPlayer.status == .forbidden, "\(path)")
                    let asVisitor = path == base ? try await visitor.get(path) : try await visitor.post(path, [("action", "roadmap")])
                    #expect(asVisitor.status == .seeOther && (asVisitor.location ?? "").hasPrefix("/connexion"), "\(path)")
                }
                #expect(try #require(try await Diagnostic.find(closed.diagnostic.id, on: app.db)).planOverrides == closed.diagnostic.planOverrides)
                #expect(try await OutboxMessage.query(on: app.db).count() == 0)
            }
        }

        @Test(.enabled(if: PDFEngine.find() != nil && ReportTests.pdftotext != nil, "needs a PDF engine and pdftotext (apt-get install weasyprint poppler-utils)"))
        func thePDFPrintsTheResults() async throws {
            try await withGrappe { app in
                let closed = try await F.closed(app, company: "Épicerie Wamytan")
                let grant = try await Self.evaluation(app, closed).grant
                let page = try await TestClient(app).get(closed.path + "/pdf")
                #expect(page.status == .ok && page.headers.contentType == HTTPMediaType(type: "application", subType: "pdf"))
                #expect(page.headers.first(name: .cacheControl) == "private, no-store")
                #expect(page.body.hasPrefix("%PDF-"))
                // The same document, read back as text.
                let d = try #require(try await Diagnostic.find(closed.diagnostic.id, on: app.db))
                let results = try await DiagnosticResultsPage.load(d, request: closed.request, organisation: "OPEN NC", now: TestClock.now, on: app.db)
                let engine = try #require(PDFEngine.find())
                let pdf = try await engine.render(html: DiagnosticResultsDocument.html(results))
                let dir = NSTemporaryDirectory() + "grappe-diag-pdf-\(UUID().uuidString)"
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                defer { try? FileManager.default.removeItem(atPath: dir) }
                try pdf.write(to: URL(fileURLWithPath: "\(dir)/r.pdf"))
                let (status, _) = try await PDFEngine.run(ReportTests.pdftotext!, ["\(dir)/r.pdf", "\(dir)/r.txt"], log: URL(fileURLWithPath: "\(dir)/log"), timeout: 60)
                #expect(status == 0)
                let text = try String(contentsOfFile: "\(dir)/r.txt", encoding: .utf8)
                    .replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
                for words in ["Épicerie Wamytan", "Les six dimensions", "Plan d'actions", "Aide estimée", Money.xpf(grant.amount).replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")] {
                    #expect(text.contains(words), "the PDF says « \(words) »")
                }
            }
        }

        @Test(.enabled(if: PDFEngine.find() == nil, "a PDF engine is installed"))
        func withoutAnEngineThePDFSaysWhatToDo() async throws {
            try await withGrappe { app in
                let closed = try await F.closed(app)
                let page = try await TestClient(app).get(closed.path + "/pdf")
                #expect(page.status == .serviceUnavailable && page.body.contains("aucun moteur PDF n&#39;est installé"))
            }
        }
    }
}
