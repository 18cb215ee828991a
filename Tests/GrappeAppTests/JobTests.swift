import Fluent
import Foundation
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// Job and internship offers (/emplois): posting, public list and filters, expiry, rights,
    /// moderation and withdrawal.
    @Suite struct JobTests {
        /// Helpers shared by the job tests.
        private enum Jobs {
            static func day(_ days: Int) -> String {
                FrenchDate.iso(FrenchDate.calendar.date(byAdding: .day, value: days, to: TestClock.now)!)
            }

            static func fields(company: Company, title: String, kind: JobKind = .job, contract: JobContract = .permanent,
                               commune: String = "Nouméa", expiresInDays: Int = 30) -> [String: String] {
                ["companyID": company.id!.uuidString, "title": title, "kind": kind.rawValue, "contract": contract.rawValue, "commune": commune,
                 "description": "Un poste passionnant au sein d'une équipe soudée, avec des projets variés.",
                 "howToApply": "Écrire à recrutement@\(company.slug).example", "expiresOn": day(expiresInDays)]
            }

            /// A member company with a logged-in contact.
            static func member(_ app: Application, name: String) async throws -> (company: Company, client: TestClient) {
                let login = "rh@\(TextFolding.slug(name)).example"
                let m = try await Fixtures.member(app, name: name, login: login)
                let client = TestClient(app)
                try await client.login(login, Fixtures.password)
                return (m.company, client)
            }

            /// Posts an offer over HTTP and returns it.
            static func post(_ client: TestClient, _ app: Application, _ fields: [String: String]) async throws -> JobOffer {
                try await client.get("/emplois/nouvelle")
                let created = try await client.post("/emplois/nouvelle", fields)
                #expect(created.status == .seeOther, "offer not created: \(created.status)")
                return try #require(try await JobOffer.query(on: app.db).filter(\.$title == fields["title"]!).first())
            }

            /// The offers on the public list for a query: their ids.
            static func listed(_ app: Application, _ query: String = "") async throws -> Set<UUID> {
                let page = try await TestClient(app).get("/emplois" + (query.isEmpty ? "" : "?" + query))
                #expect(page.status == .ok)
                let ids = page.body.components(separatedBy: "<li class=\"card\"><h2><a href=\"/emplois/").dropFirst()
                    .compactMap { UUID(uuidString: String($0.prefix(36))) }
                return Set(ids)
            }
        }

        @Test func postingValidatesInFrench() async throws {
            try await withGrappe { app in
                let (mine, client) = try await Jobs.member(app, name: "Recruteur")
                let other = try await Fixtures.member(app, name: "Autre Société")
                #expect(try await client.get("/emplois/nouvelle").status == .ok)
                let empty = try await client.post("/emplois/nouvelle", ["companyID": mine.id!.uuidString, "title": "", "kind": "cdi", "contract": "",
                                                                       "commune": "Paris", "description": "Trop court", "howToApply": "", "expiresOn": "bientôt"])
                #expect(empty.status == .badRequest)
                for message in ["Le titre est obligatoire.", "Choisissez le type d&#39;offre.", "Choisissez le contrat.",
                                "Choisissez une commune de Nouvelle-Calédonie.", "Décrivez le poste (30 caractères au moins).",
                                "Indiquez comment postuler (adresse e-mail, lien ou contact).", "Date d&#39;expiration invalide"] {
                    #expect(empty.body.contains(message), "\(message)")
                }
                #expect(empty.body.contains(">Trop court</textarea>"), "typed values are kept")
                var past = Jobs.fields(company: mine, title: "Expirée d'avance")
                past["expiresOn"] = Jobs.day(-1)
                #expect(try await client.post("/emplois/nouvelle", past).body.contains("La date d&#39;expiration doit être dans le futur."))
                var far = Jobs.fields(company: mine, title: "Trop longue")
                far["expiresOn"] = Jobs.day(200)
                #expect(try await client.post("/emplois/nouvelle", far).body.contains("Une offre reste en ligne 6 mois au plus."))
                let forOther = try await client.post("/emplois/nouvelle", Jobs.fields(company: other.company, title: "Pour les autres"))
                #expect(forOther.status == .badRequest)
                #expect(forOther.body.contains("Choisissez une de vos entreprises."))
                #expect(try await JobOffer.query(on: app.db).count() == 0)

                let anonymous = try await TestClient(app).get("/emplois/nouvelle")
                #expect(anonymous.status == .seeOther)
                #expect(anonymous.location?.hasPrefix("/connexion") == true)

                let offer = try await Jobs.post(client, app, Jobs.fields(company: mine, title: "Développeur·se <Swift>", commune: "kone"))
                #expect(offer.commune == "Koné", "the commune is stored in its canonical spelling")
                #expect(offer.$company.id == mine.id)
                let page = try await TestClient(app).get("/emplois/\(offer.id!.uuidString)")
                #expect(page.status == .ok)
                #expect(page.body.contains("Développeur·se &lt;Swift&gt;"))
                #expect(!page.body.contains("<Swift>"))
            }
        }

        @Test func publicListFiltersByTypeContractCommuneAndWords() async throws {
            try await withGrappe { app in
                let (company, client) = try await Jobs.member(app, name: "Filtres SARL")
                let cdi = try await Jobs.post(client, app, Jobs.fields(company: company, title: "Développeur web confirmé", kind: .job, contract: .permanent, commune: "Nouméa"))
                let stage = try await Jobs.post(client, app, Jobs.fields(company: company, title: "Stage réseaux", kind: .internship, contract: .internship, commune: "Koné"))
                let alternance = try await Jobs.post(client, app, Jobs.fields(company: company, title: "Alternance support", kind: .workStudy, contract: .apprenticeship, commune: "Nouméa"))
                let all = try await Jobs.listed(app)
                #expect(all == [cdi.id!, stage.id!, alternance.id!])
                #expect(try await Jobs.listed(app, "type=internship") == [stage.id!])
                #expect(try await Jobs.listed(app, "type=work_study") == [alternance.id!])
                #expect(try await Jobs.listed(app, "contrat=permanent") == [cdi.id!])
                #expect(try await Jobs.listed(app, "commune=noumea") == [cdi.id!, alternance.id!], "the commune is matched without accents")
                #expect(try await Jobs.listed(app, "commune=Kon%C3%A9") == [stage.id!])
                #expect(try await Jobs.listed(app, "type=job&commune=Kone").isEmpty)
                #expect(try await Jobs.listed(app, "q=DEVELOPPEUR") == [cdi.id!], "words are matched without accents or case")
                let none = try await TestClient(app).get("/emplois?type=internship&commune=Lifou")
                #expect(none.body.contains("Aucune offre en ligne pour ces critères."))
                let filtered = try await TestClient(app).get("/emplois?type=internship")
                #expect(filtered.body.contains("<option value=\"internship\" selected>"), "the chosen filter stays selected")
            }
        }

        @Test func expiredOffersDisappearForThePublicButNotForTheirCompany() async throws {
            try await withGrappe { app in
                let (company, owner) = try await Jobs.member(app, name: "Ancienne Offre")
                let (_, stranger) = try await Jobs.member(app, name: "Curieux")
                let live = try await Jobs.post(owner, app, Jobs.fields(company: company, title: "Toujours ouverte"))
                let expired = try await Jobs.post(owner, app, Jobs.fields(company: company, title: "Poste pourvu hier"))
                expired.expiresAt = TestClock.now.addingTimeInterval(-3600)
                try await expired.save(on: app.db)
                let path = "/emplois/\(expired.id!.uuidString)"

                #expect(try await Jobs.listed(app) == [live.id!])
                #expect(!(try await TestClient(app).get("/emplois")).body.contains("Poste pourvu hier"))
                #expect(try await TestClient(app).get(path).status == .notFound)
                #expect(try await stranger.get(path).status == .notFound, "another company does not see it either")
                #expect(!(try await TestClient(app).get("/sitemap.xml")).body.contains(path))
                #expect(try await TestClient(app).get("/sitemap.xml").body.contains("/emplois/\(live.id!.uuidString)"))

                let own = try await owner.get(path)
                #expect(own.status == .ok)
                #expect(own.body.contains("Offre expirée : elle n'est plus visible du public."))
                let ownList = try await owner.get("/emplois")
                #expect(ownList.body.contains("Les offres de votre entreprise"))
                #expect(ownList.body.contains(path + "\">Poste pourvu hier</a></td><td><span class=\"badge badge-muted\">expirée</span>"))
                // The company can put it back online with a new date.
                var renewed = Jobs.fields(company: company, title: "Poste pourvu hier")
                renewed["expiresOn"] = Jobs.day(15)
                #expect(try await owner.post(path + "/modifier", renewed).status == .seeOther)
                #expect(try await TestClient(app).get(path).status == .ok)
            }
        }

        @Test func onlyTheCompanyAndStaffEditAnOffer() async throws {
            try await withGrappe { app in
                let (company, owner) = try await Jobs.member(app, name: "Propriétaire")
                let (_, stranger) = try await Jobs.member(app, name: "Voisin")
                let offer = try await Jobs.post(owner, app, Jobs.fields(company: company, title: "Chef de projet"))
                let path = "/emplois/\(offer.id!.uuidString)"
                #expect(!(try await stranger.get(path)).body.contains(path + "/modifier"), "no edit button for others")
                #expect(try await stranger.get(path + "/modifier").status == .forbidden)
                var hijack = Jobs.fields(company: company, title: "Offre détournée")
                hijack["howToApply"] = "arnaque@voisin.example"
                #expect(try await stranger.post(path + "/modifier", hijack).status == .forbidden)
                #expect(try await stranger.post(path + "/retirer").status == .forbidden)
                #expect(try await stranger.post(path + "/moderer", ["note": "Je masque"]).status == .forbidden)
                let unchanged = try #require(try await JobOffer.find(offer.id, on: app.db))
                #expect(unchanged.title == "Chef de projet" && unchanged.isLive(at: TestClock.now) && unchanged.status == .published)
                let anonymous = try await TestClient(app).post(path + "/modifier", hijack)
                #expect(anonymous.status == .seeOther)
                #expect(anonymous.location?.hasPrefix("/connexion") == true)

                #expect(try await owner.get(path + "/modifier").status == .ok)
                var edit = Jobs.fields(company: company, title: "Cheffe ou chef de projet")
                edit["companyID"] = UUID().uuidString
                #expect(try await owner.post(path + "/modifier", edit).status == .seeOther)
                let saved = try #require(try await JobOffer.find(offer.id, on: app.db))
                #expect(saved.title == "Cheffe ou chef de projet")
                #expect(saved.$company.id == company.id, "the company of an offer cannot be changed")
                let staff = try await Fixtures.staffClient(app)
                #expect(try await staff.get(path + "/modifier").status == .ok)
            }
        }

        @Test func staffModerationHidesTheOfferAndTellsThePoster() async throws {
            try await withGrappe { app in
                let (company, owner) = try await Jobs.member(app, name: "Modérée")
                let offer = try await Jobs.post(owner, app, Jobs.fields(company: company, title: "Offre douteuse"))
                let path = "/emplois/\(offer.id!.uuidString)"
                let staff = try await Fixtures.staffClient(app)
                let page = try await staff.get(path)
                #expect(page.body.contains("Masquer l&#39;offre"))
                let hidden = try await staff.post(path + "/moderer", ["note": "Annonce sans rapport avec le numérique."])
                #expect(hidden.status == .seeOther)
                let moderated = try #require(try await JobOffer.find(offer.id, on: app.db))
                #expect(moderated.status == .hidden)
                #expect(moderated.moderationNote == "Annonce sans rapport avec le numérique.")
                #expect(try await Jobs.listed(app).isEmpty)
                #expect(try await TestClient(app).get(path).status == .notFound)
                let seen = try await owner.get(path)
                #expect(seen.status == .ok)
                #expect(seen.body.contains("Offre masquée par la modération : Annonce sans rapport avec le numérique."))
                let mail = try #require(try await OutboxMessage.query(on: app.db).filter(\.$kind == "job_moderation").first())
                #expect(mail.recipient == "rh@moderee.example")
                #expect(mail.subject == "Votre offre « Offre douteuse » a été masquée")
                #expect(mail.body.contains("Motif : Annonce sans rapport avec le numérique."))
                // Publishing it again brings it back, without another email.
                #expect(try await staff.post(path + "/moderer", ["note": ""]).status == .seeOther)
                #expect(try await Jobs.listed(app) == [offer.id!])
                #expect(try await OutboxMessage.query(on: app.db).filter(\.$kind == "job_moderation").count() == 1)
                #expect(try await AuditEntry.query(on: app.db).filter(\.$entity == "job_offer").count() == 2)
            }
        }

        @Test func withdrawingEndsTheOffer() async throws {
            try await withGrappe { app in
                let (company, owner) = try await Jobs.member(app, name: "Pourvue")
                let offer = try await Jobs.post(owner, app, Jobs.fields(company: company, title: "Poste pourvu"))
                let path = "/emplois/\(offer.id!.uuidString)"
                #expect(try await Jobs.listed(app) == [offer.id!])
                let page = try await owner.get(path)
                #expect(page.body.contains(path + "/retirer"))
                let withdrawn = try await owner.post(path + "/retirer")
                #expect(withdrawn.status == .seeOther)
                #expect(withdrawn.location == "/emplois")
                let ended = try #require(try await JobOffer.find(offer.id, on: app.db))
                #expect(ended.expiresAt <= TestClock.now)
                #expect(!ended.isLive(at: TestClock.now))
                #expect(try await Jobs.listed(app).isEmpty)
                #expect(try await TestClient(app).get(path).status == .notFound)
                #expect(!(try await owner.get(path)).body.contains(path + "/retirer"), "nothing left to withdraw")
            }
        }
    }
}
