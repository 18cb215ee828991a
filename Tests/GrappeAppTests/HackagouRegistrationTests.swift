import Fluent
import Foundation
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// Registering to Hackagou from the public form: a team and its captain, team-mates with
    /// the invite code, and every refusal said on the form with nothing written.
    @Suite struct HackagouRegistrationTests {
        static func fields(_ overrides: [String: String] = [:]) -> [String: String] {
            ["pseudonym": "r00t", "fullName": "Léa Wamytan", "email": "lea@unc.example", "password": Fixtures.password, "birthYear": "2004",
             "gender": "female", "team": "create", "teamName": "Les Cagous", "affiliation": "UNC", "rules": "1", "statistics": "1"]
                .merging(overrides) { $1 }
        }

        @Test func aCaptainCreatesATeamAndTeamMatesJoinIt() async throws {
            try await withGrappe { app in
                let e = try await CTFFixtures.edition(app, teamSize: 2)
                let bracket = try #require(e.brackets.first?.id)
                let captain = TestClient(app)
                let form = try await captain.get("/hackagou/2026/inscription")
                #expect(form.status == .ok && form.body.contains("S'inscrire à Hackagou 2026") && form.body.contains(PublicFormGuard.honeypotField))
                let done = try await captain.post("/hackagou/2026/inscription", Self.fields(["bracket": String(bracket)]))
                #expect(done.status == .seeOther && done.location == "/jeu/equipe")
                let team = try #require(try await CTFTeam.query(on: app.db).filter(\.$name == "Les Cagous").first())
                #expect(team.$bracket.id == bracket && team.inviteCode.count == 8)
                let page = try await captain.get("/jeu/equipe")
                #expect(page.body.contains(team.inviteCode) && page.body.contains("r00t (capitaine)"))
                let user = try #require(try await User.query(on: app.db).filter(\.$email == "lea@unc.example").first())
                #expect(user.role == .player)

                let mate = TestClient(app)
                try await mate.get("/hackagou/2026/inscription")
                let joined = try await mate.post("/hackagou/2026/inscription", Self.fields([
                    "pseudonym": "k3n", "fullName": "Ken Gope", "email": "ken@unc.example", "team": "join", "inviteCode": team.inviteCode.lowercased()]))
                #expect(joined.status == .seeOther)
                let third = TestClient(app)
                try await third.get("/hackagou/2026/inscription")
                let full = try await third.post("/hackagou/2026/inscription", Self.fields([
                    "pseudonym": "t3", "fullName": "Tom Three", "email": "tom@unc.example", "team": "join", "inviteCode": team.inviteCode]))
                #expect(full.status == .badRequest && full.body.contains("Cette équipe est complète (2 joueurs au plus)."))
                #expect(full.body.contains("value=\"Tom Three\""), "what was typed is kept")
                #expect(try await CTFPlayer.query(on: app.db).count() == 2)
                #expect(try await User.query(on: app.db).filter(\.$email == "tom@unc.example").count() == 0, "nothing half-written")
            }
        }

        @Test func refusalsAreSaidOnTheFormAndNothingIsWritten() async throws {
            try await withGrappe { app in
                let e = try await CTFFixtures.edition(app)
                _ = try await CTFFixtures.player(app, edition: e, pseudonym: "taken", email: "taken@unc.example", team: "Les Cagous")
                _ = try await Fixtures.user(app, email: "contact@societe.example", role: .member)
                let bracket = String(try #require(e.brackets.first?.id))
                let client = TestClient(app)
                try await client.get("/hackagou/2026/inscription")
                let cases: [([String: String], String)] = [
                    (["teamName": "les cagous "], "Ce nom d&#39;équipe est déjà pris."),
                    (["pseudonym": "TAKEN", "teamName": "Autre"], "Ce pseudonyme est déjà pris pour cette édition."),
                    (["email": "contact@societe.example", "teamName": "Autre"], "Cette adresse est celle d&#39;un compte adhérent"),
                    (["rules": "", "teamName": "Autre"], "Acceptez le règlement pour vous inscrire."),
                    (["birthYear": "1850", "teamName": "Autre"], "Année de naissance invalide"),
                    (["team": "join", "inviteCode": "ZZZZZZZZ"], "Code d&#39;invitation inconnu pour cette édition."),
                    (["teamName": "Tab\tulation"], "Le nom d&#39;équipe contient des caractères interdits."),
                    (["password": "court"], "Le mot de passe fait au moins 10 caractères."),
                ]
                for (overrides, message) in cases {
                    let page = try await client.post("/hackagou/2026/inscription", Self.fields(["bracket": bracket].merging(overrides) { $1 }))
                    #expect(page.status == .badRequest, "\(overrides)")
                    #expect(page.body.contains(message), "\(overrides) → \(message)")
                }
                #expect(try await CTFTeam.query(on: app.db).count() == 1)
                #expect(try await CTFPlayer.query(on: app.db).count() == 1)
                #expect(try await User.query(on: app.db).filter(\.$role == .player).count() == 1)
                let bot = try await client.post("/hackagou/2026/inscription", Self.fields([PublicFormGuard.honeypotField: "http://spam.example", "teamName": "Bots", "bracket": bracket]))
                #expect(bot.status == .seeOther)
                #expect(try await CTFTeam.query(on: app.db).count() == 1, "the honeypot writes nothing")
            }
        }

        @Test func registrationClosedOrDraftEditionsRefuse() async throws {
            try await withGrappe { app in
                let e = try await CTFFixtures.edition(app, status: .draft)
                let client = TestClient(app)
                #expect(try await client.get("/hackagou/2026").status == .notFound, "a draft is for staff only")
                e.status = .ended
                try await e.save(on: app.db)
                let page = try await client.get("/hackagou/2026/inscription")
                #expect(page.status == .seeOther)
                try await client.get("/hackagou/2026")
                let post = try await client.post("/hackagou/2026/inscription", Self.fields())
                #expect(post.status == .seeOther)
                #expect(try await CTFTeam.query(on: app.db).count() == 0)
            }
        }
    }
}
