import Foundation
import NIOCore
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// Every registered route, walked with random ids as a visitor and as a member contact.
    /// A visitor gets the login page (401 under /api) except on the routes listed public here; a
    /// member contact gets 403 except on those and the ones listed as theirs. A route added
    /// to the route map without a guard fails this test until someone lists it, on purpose.
    @Suite struct RouteGuardTests {
        static let publicRoutes: Set<String> = [
            "GET /healthz", "GET /assets/grappe.css", "GET /assets/grappe.js", "GET /sitemap.xml", "GET /robots.txt",
            "GET /", "GET /connexion", "POST /connexion", "GET /mot-de-passe-oublie", "POST /mot-de-passe-oublie",
            "GET /reinitialisation/:token", "POST /reinitialisation/:token",
            "GET /agenda/evenements.ics", "GET /agenda/groupes/:file", "GET /agenda/personnel/:file",
            "GET /evenements", "GET /evenements/:eventID", "POST /evenements/:eventID/inscription",
            "GET /inscriptions/:token/annuler", "POST /inscriptions/:token/annuler",
            "GET /annuaire", "GET /annuaire/export.csv", "GET /annuaire/export.json", "GET /annuaire/:slug",
            "POST /annuaire/:slug/signalement", "GET /adhesion", "POST /adhesion", "GET /adhesion/merci",
            "GET /emplois", "GET /emplois/:offerID", "GET /candidatures", "POST /candidatures",
            "GET /candidatures/retrait/:token", "POST /candidatures/retrait/:token",
            "GET /actualites", "GET /actualites/:slug", "GET /lettre", "POST /lettre", "GET /lettre/confirmation/:token",
            "GET /lettre/desabonnement/:token", "POST /lettre/desabonnement/:token",
            "GET /programmes", "GET /programmes/:slug", "GET /collecte", "GET /collecte/don", "POST /collecte/don",
            "GET /diagnostic", "POST /diagnostic", "GET /diagnostic/merci", "GET /diagnostic/resultats/:token", "GET /diagnostic/resultats/:token/pdf",
            "GET /rapports", "GET /rapports/:year", "GET /rapports/:year/pdf", "GET /partenaires",
            "GET /hackagou", "GET /hackagou/:year", "GET /hackagou/:year/inscription", "POST /hackagou/:year/inscription",
            "GET /hackagou/:year/classement", "GET /hackagou/:year/ecran", "GET /hackagou/:year/ctftime.json",
            "GET /api/v1/scoreboard", "GET /api/v1/scoreboard/top/:count", "GET /api/v1/openapi.json", "GET /api/v1/teams", "GET /api/v1/teams/:teamID",
        ]

        /// Past the guard for a Hackagou player: their pages only (and logging out).
        static let playerRoutes: Set<String> = [
            "POST /deconnexion", "GET /jeu", "GET /jeu/defis/:challengeID", "POST /jeu/defis/:challengeID",
            "POST /jeu/indices/:hintID", "GET /jeu/equipe", "POST /jeu/jeton", "POST /jeu/partage/retrait", "GET /hackagou/fichiers/:fileID/:filename",
        ]

        /// Past the guard for a member contact; the handler then checks the object.
        static let memberRoutes: Set<String> = [
            "POST /deconnexion", "GET /compte/agenda", "POST /compte/agenda/renouveler",
            "GET /compte/donnees", "GET /compte/donnees.json", "POST /compte/donnees/effacement", "GET /mon-entreprise",
            "GET /adherents/:companyID", "GET /adherents/:companyID/modifier", "POST /adherents/:companyID/modifier",
            "POST /adherents/:companyID/contacts", "POST /adherents/:companyID/contacts/:personID/retirer",
            "POST /adherents/:companyID/renouvellement",
            "GET /cotisations/:dueID", "GET /cotisations/:dueID/appel", "GET /cotisations/:dueID/recu",
            "GET /groupes", "GET /groupes/:slug", "GET /groupes/:slug/modifier", "POST /groupes/:slug/modifier",
            "POST /groupes/:slug/membres", "POST /groupes/:slug/membres/:personID/actif", "POST /groupes/:slug/planifier",
            "POST /groupes/:slug/benevolat", "POST /groupes/:slug/rejoindre", "POST /groupes/:slug/demandes/:personID/accepter",
            "POST /groupes/:slug/demandes/:personID/refuser", "GET /reunions/:meetingID", "POST /reunions/:meetingID",
            "POST /reunions/:meetingID/presences", "POST /reunions",
            "GET /vivier", "GET /vivier/:candidateID", "GET /vivier/:candidateID/cv.pdf", "POST /evenements/:eventID/desinscription",
            "GET /emplois/nouvelle", "POST /emplois/nouvelle", "GET /emplois/:offerID/modifier", "POST /emplois/:offerID/modifier",
            "POST /emplois/:offerID/retirer", "GET /actualites/nouvelle", "POST /actualites/nouvelle",
            "GET /actualites/:slug/modifier", "POST /actualites/:slug/modifier",
            "GET /programmes/:slug/animateurs/:companyID", "GET /collecte/promesses/:pledgeID/certificat",
            "GET /collecte/reconditionneur", "GET /collecte/objets/:itemID", "POST /collecte/objets/:itemID/etat",
            "POST /collecte/objets/:itemID/effacement", "POST /collecte/objets/:itemID/classement",
            "GET /entretiens/:diagnosticID", "POST /entretiens/:diagnosticID/commencer", "GET /entretiens/:diagnosticID/etapes/:dimension",
            "POST /entretiens/:diagnosticID/etapes/:dimension", "POST /entretiens/:diagnosticID/clore",
        ]

        /// Staff only (in none of the lists above): Hackagou's challenge parts, import and export
        /// (the export holds the flags). Listed so that moving one to another list is a decision.
        static let hackagouStaffRoutes: Set<String> = [
            "POST /admin/hackagou/:year/defis/:challengeID/flags/:flagID/supprimer",
            "POST /admin/hackagou/:year/defis/:challengeID/indices/:hintID/supprimer",
            "POST /admin/hackagou/:year/defis/:challengeID/fichiers",
            "POST /admin/hackagou/:year/defis/:challengeID/fichiers/:fileID/supprimer",
            "POST /admin/hackagou/:year/import", "GET /admin/hackagou/:year/defis.zip",
            "GET /admin/hackagou/:year/defis/:challengeID/challenge.yml",
        ]

        /// Staff only: the diagnostic's tools (questionnaire versions, action catalogue, settings,
        /// a closed diagnostic's grant outcome and follow-up).
        static let diagnosticToolStaffRoutes: Set<String> = [
            "GET /admin/diagnostics/questionnaires", "GET /admin/diagnostics/questionnaires/:version",
            "POST /admin/diagnostics/questionnaires/:version/copier", "POST /admin/diagnostics/questionnaires/:version/publier",
            "POST /admin/diagnostics/questionnaires/:version/questions", "POST /admin/diagnostics/questionnaires/:version/questions/:questionKey",
            "POST /admin/diagnostics/questionnaires/:version/questions/:questionKey/supprimer",
            "GET /admin/diagnostics/actions", "GET /admin/diagnostics/actions/nouvelle", "POST /admin/diagnostics/actions/nouvelle",
            "GET /admin/diagnostics/actions/:actionKey", "POST /admin/diagnostics/actions/:actionKey",
            "POST /admin/diagnostics/actions/:actionKey/supprimer", "POST /admin/diagnostics/actions/:actionKey/monter",
            "GET /admin/diagnostics/reglages", "POST /admin/diagnostics/reglages",
            "POST /admin/diagnostics/:requestID/aide", "POST /admin/diagnostics/:requestID/suivi",
        ]

        struct Walked {
            let key: String
            let path: String
            let method: HTTPMethod
        }

        /// "METHOD /path/:param" and a path with random values in place of the parameters.
        static func walked(_ app: Application) -> [Walked] {
            app.routes.all.map { route in
                let pattern = "/" + route.path.map(\.description).joined(separator: "/")
                let path = "/" + route.path.map { component -> String in
                    guard case .parameter(let name) = component else { return component.description }
                    if name.hasSuffix("ID") { return UUID().uuidString }
                    return name == "year" ? "2031" : "inconnu-\(Int.random(in: 1000...9999))"
                }.joined(separator: "/")
                return Walked(key: "\(route.method.rawValue) \(pattern == "/" ? "/" : pattern)", path: path, method: route.method)
            }
        }

        static func visit(_ client: TestClient, _ route: Walked) async throws -> TestClient.Page {
            switch route.method {
            case .GET: try await client.get(route.path)
            case .POST: try await client.post(route.path, [:])
            default: try await client.send(route.method, route.path, headers: ["Content-Type": "application/json"], body: ByteBuffer(string: "{}"))
            }
        }

        static func isLoginRedirect(_ page: TestClient.Page) -> Bool {
            page.status == .seeOther && (page.location ?? "").hasPrefix("/connexion")
        }

        @Test func theListsNameRegisteredRoutes() async throws {
            try await withGrappe { app in
                let registered = Set(Self.walked(app).map(\.key))
                #expect(Self.publicRoutes.subtracting(registered).isEmpty, "\(Self.publicRoutes.subtracting(registered))")
                #expect(Self.memberRoutes.subtracting(registered).isEmpty, "\(Self.memberRoutes.subtracting(registered))")
                #expect(Self.playerRoutes.subtracting(registered).isEmpty, "\(Self.playerRoutes.subtracting(registered))")
                #expect(Self.publicRoutes.isDisjoint(with: Self.memberRoutes) && Self.publicRoutes.isDisjoint(with: Self.playerRoutes))
                #expect(Self.hackagouStaffRoutes.isSubset(of: registered), "\(Self.hackagouStaffRoutes.subtracting(registered))")
                #expect(Self.hackagouStaffRoutes.isDisjoint(with: Self.publicRoutes.union(Self.memberRoutes).union(Self.playerRoutes)))
                #expect(Self.diagnosticToolStaffRoutes.isSubset(of: registered), "\(Self.diagnosticToolStaffRoutes.subtracting(registered))")
                #expect(Self.diagnosticToolStaffRoutes.isDisjoint(with: Self.publicRoutes.union(Self.memberRoutes).union(Self.playerRoutes)))
                #expect(registered.count > 200, "the walk sees the whole route map (\(registered.count))")
            }
        }

        @Test func aVisitorIsSentToTheLoginPageOutsideThePublicRoutes() async throws {
            try await withGrappe { app in
                let visitor = TestClient(app)
                try await visitor.get("/connexion")
                for route in Self.walked(app) {
                    let page = try await Self.visit(visitor, route)
                    #expect(page.status != .internalServerError, "\(route.key) → 500")
                    if Self.publicRoutes.contains(route.key) {
                        #expect(!Self.isLoginRedirect(page) && page.status != .unauthorized, "\(route.key) is public but asks to log in")
                    } else if route.path.hasPrefix("/api/") {
                        #expect(page.status == .unauthorized, "\(route.key) → \(page.status)")
                    } else {
                        #expect(Self.isLoginRedirect(page), "\(route.key) → \(page.status) \(page.location ?? "")")
                    }
                }
            }
        }

        @Test func aMemberContactIsRefusedOutsideTheirRoutes() async throws {
            try await withGrappe { app in
                _ = try await Fixtures.member(app, name: "Ma Société", login: "moi@ma-societe.example")
                let member = TestClient(app)
                try await member.login("moi@ma-societe.example", Fixtures.password)
                // Logging out last, so that every other route is walked signed in.
                let routes = Self.walked(app)
                for route in routes.filter({ $0.key != "POST /deconnexion" }) + routes.filter({ $0.key == "POST /deconnexion" }) {
                    let page = try await Self.visit(member, route)
                    #expect(page.status != .internalServerError, "\(route.key) → 500")
                    if route.key == "POST /deconnexion" {
                        #expect(page.status == .seeOther)
                    } else if Self.publicRoutes.contains(route.key) || Self.memberRoutes.contains(route.key) {
                        #expect(!Self.isLoginRedirect(page) && page.status != .unauthorized, "\(route.key) asks a member contact to log in")
                    } else if route.path.hasPrefix("/api/") {
                        #expect(page.status == .unauthorized, "\(route.key) → \(page.status)")
                    } else {
                        #expect(page.status == .forbidden, "\(route.key) → \(page.status)")
                    }
                }
            }
        }

        @Test func aPlayerReachesNothingOfTheMemberSide() async throws {
            try await withGrappe { app in
                let edition = try await CTFFixtures.edition(app)
                let player = try await CTFFixtures.player(app, edition: edition, pseudonym: "zer0", email: "zero@ecole.example")
                let client = TestClient(app)
                try await client.login(player.email, Fixtures.password)
                let routes = Self.walked(app)
                for route in routes.filter({ $0.key != "POST /deconnexion" }) + routes.filter({ $0.key == "POST /deconnexion" }) {
                    let page = try await Self.visit(client, route)
                    #expect(page.status != .internalServerError, "\(route.key) → 500")
                    if route.key == "POST /deconnexion" {
                        #expect(page.status == .seeOther)
                    } else if Self.publicRoutes.contains(route.key) || Self.playerRoutes.contains(route.key) {
                        #expect(!Self.isLoginRedirect(page) && page.status != .unauthorized, "\(route.key) asks a player to log in")
                    } else if route.path.hasPrefix("/api/") {
                        #expect(page.status == .unauthorized, "\(route.key) → \(page.status)")
                    } else {
                        #expect(page.status == .forbidden, "\(route.key) → \(page.status)")
                    }
                }
            }
        }
    }
}
