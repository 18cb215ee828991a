import Fluent
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// The public directory (/annuaire): search, filters, profiles, correction and removal
    /// requests, staff upkeep, sitemap and exports.
    @Suite struct DirectoryTests {
        /// Helpers shared by the directory tests.
        private enum Dir {
            /// A company saved through the member service, public by default.
            static func company(_ app: Application, name: String, description: String = "", commune: String = "Nouméa", headcount: Int = 5,
                                domains: [String] = [], website: String = "", isPublic: Bool = true) async throws -> Company {
                var draft = CompanyDraft()
                draft.name = name
                draft.description = description
                draft.commune = commune
                draft.headcount = String(headcount)
                draft.domains = domains
                draft.website = website
                draft.email = "contact@\(TextFolding.slug(name)).example"
                draft.publicProfile = isPublic
                let errors = draft.validate(knownDomains: OrganisationDefaults.domains)
                #expect(errors.isEmpty, "fixture company invalid: \(errors)")
                let outcome = try await MemberService.save(draft, company: nil, organisationID: try await Fixtures.organisationID(app), user: nil, on: app.db)
                return try #require(try await Company.find(outcome.companyID, on: app.db))
            }

            /// The result cards of a directory page: slug and the card's HTML.
            static func cards(_ body: String) -> [(slug: String, html: String)] {
                body.components(separatedBy: "<li class=\"card\">").dropFirst().map { chunk in
                    let card = chunk.components(separatedBy: "</li>").first ?? chunk
                    let afterHref = card.components(separatedBy: "href=\"/annuaire/").dropFirst().first ?? ""
                    return (String(afterHref.prefix { $0 != "\"" }), card)
                }
            }

            /// The count announced above the results ("12 professionnels").
            static func total(_ body: String) -> Int? {
                guard let start = body.range(of: "<p role=\"status\">"),
                      let end = body.range(of: "</p>", range: start.upperBound..<body.endIndex) else { return nil }
                let text = body[start.upperBound..<end.lowerBound]
                if text.hasPrefix("Aucun") { return 0 }
                return Int(text.prefix { $0.isNumber })
            }

            /// Every page of a search, following the "next" links: the announced total and the slugs in order.
            static func listing(_ client: TestClient, _ query: String = "") async throws -> (total: Int, slugs: [String]) {
                var slugs: [String] = []
                var announced = -1
                var page = 1
                while true {
                    let path = "/annuaire?" + (query.isEmpty ? "" : query + "&") + "page=\(page)"
                    let response = try await client.get(path)
                    #expect(response.status == .ok, "\(path) → \(response.status)")
                    if page == 1 { announced = total(response.body) ?? -1 }
                    slugs += cards(response.body).map(\.slug)
                    guard response.body.contains("rel=\"next\""), page < 50 else { break }
                    page += 1
                }
                return (announced, slugs)
            }

            static func publicCompanies(_ app: Application) async throws -> [Company] {
                try await Company.query(on: app.db).filter(\.$publicProfile == true).all()
            }

            static func q(_ text: String) -> String { "q=" + TestClient.encode(text) }

            /// Companies with an active membership in the latest membership year (what "adhérent" means in the directory).
            static func memberIDs(_ app: Application) async throws -> Set<UUID> {
                let year = try #require(try await Membership.query(on: app.db).max(\.$year))
                let rows = try await Membership.query(on: app.db).filter(\.$year == year).filter(\.$status == .active).all()
                return Set(rows.map { $0.$company.id })
            }

            static func staff(_ app: Application) async throws -> TestClient {
                let client = TestClient(app)
                try await client.login(DemoData.managerEmail)
                return client
            }
        }

        // MARK: search

        @Test func searchIgnoresAccentsAndCaseAndRanksNameMatchesFirst() async throws {
            try await withGrappe { app in
                // The description-only match sorts first alphabetically: only relevance can put the name match above it.
                let byName = try await Dir.company(app, name: "Rempart Sécurité Informatique", description: "Pare-feu et sauvegardes.")
                let byDescription = try await Dir.company(app, name: "Alpha Conseil", description: "Audit de SÉCURITÉ des réseaux et des postes.")
                let unrelated = try await Dir.company(app, name: "Gamma Web", description: "Sites vitrines.")
                let visitor = TestClient(app)
                for typed in ["securite", "SÉCURITÉ", "Sécurite", "  sécurité "] {
                    let page = try await visitor.get("/annuaire?" + Dir.q(typed))
                    #expect(page.status == .ok)
                    let slugs = Dir.cards(page.body).map(\.slug)
                    #expect(slugs == [byName.slug, byDescription.slug], "q=\(typed) → \(slugs)")
                    #expect(Dir.total(page.body) == 2)
                }
                let both = try await visitor.get("/annuaire?" + Dir.q("securite reseaux"))
                #expect(Dir.cards(both.body).map(\.slug) == [byDescription.slug], "every word must match")
                let none = try await visitor.get("/annuaire?" + Dir.q("cybersecurite quantique"))
                #expect(Dir.cards(none.body).isEmpty)
                #expect(none.body.contains("Aucun professionnel ne correspond."))
                let all = try await Dir.listing(visitor)
                #expect(Set(all.slugs) == [byName.slug, byDescription.slug, unrelated.slug])
            }
        }

        /// A commune typed in the box finds the companies of that commune, whatever the accents
        /// and hyphens; with other words, every word must match the company or its commune.
        @Test func theSearchBoxFindsACommune() async throws {
            try await withGrappe { app in
                let dore = try await Dir.company(app, name: "Lagon Numérique", description: "Développement web.", commune: "Le Mont-Dore")
                let kone = try await Dir.company(app, name: "Nord Réseaux", description: "Câblage et réseaux.", commune: "Koné")
                _ = try await Dir.company(app, name: "Centre Web", description: "Développement web.", commune: "Nouméa")
                let visitor = TestClient(app)
                for typed in ["Mont-Dore", "mont dore", "MONT-DORÉ", "dore"] {
                    let page = try await visitor.get("/annuaire?" + Dir.q(typed))
                    #expect(Dir.cards(page.body).map(\.slug) == [dore.slug], "q=\(typed)")
                }
                #expect(Dir.cards(try await visitor.get("/annuaire?" + Dir.q("kone")).body).map(\.slug) == [kone.slug])
                #expect(Dir.cards(try await visitor.get("/annuaire?" + Dir.q("web mont-dore")).body).map(\.slug) == [dore.slug])
                #expect(Dir.cards(try await visitor.get("/annuaire?" + Dir.q("reseaux mont-dore")).body).isEmpty)
            }
        }

        @Test func filtersByCommuneSizeDomainAndMembership() async throws {
            try await withGrappe(demo: true) { app in
                let staff = try await Dir.staff(app)
                // A professional who is not a member, listed through the staff form.
                let created = try await staff.post("/adherents/nouveau", [
                    "name": "Studio Hors Cluster", "headcount": "3", "commune": "Bourail", "publicProfile": "1",
                    "description": "Studio indépendant de création numérique.", "year": "2025", "category": "core", "status": "none",
                ])
                #expect(created.status == .seeOther)
                let outsider = try #require(try await Company.query(on: app.db).filter(\.$name == "Studio Hors Cluster").first())
                #expect(try await Membership.query(on: app.db).filter(\.$company.$id == outsider.requireID()).count() == 0)

                let visitor = TestClient(app)
                let publicCompanies = try await Dir.publicCompanies(app)
                func check(_ query: String, expected: [Company], _ label: String) async throws {
                    let result = try await Dir.listing(visitor, query)
                    #expect(!expected.isEmpty, "\(label): the demo should have matching companies")
                    #expect(Set(result.slugs) == Set(expected.map(\.slug)), "\(label)")
                    #expect(result.slugs.count == expected.count, "\(label): no duplicates across pages")
                    #expect(result.total == expected.count, "\(label): announced \(result.total)")
                }

                // Commune, typed without accent: the commune with the most public companies after Nouméa.
                let byCommune = Dictionary(grouping: publicCompanies.filter { $0.commune != "Nouméa" }, by: \.commune)
                let (commune, inCommune) = try #require(byCommune.max { $0.value.count < $1.value.count })
                try await check("commune=" + TestClient.encode(TextFolding.fold(commune)), expected: inCommune, "commune \(commune)")

                // Size bands: "50 à 249 salariés" and "moins de 10 salariés".
                try await check("taille=medium", expected: publicCompanies.filter { (50...249).contains($0.headcount) }, "medium")
                try await check("taille=micro", expected: publicCompanies.filter { $0.headcount < 10 }, "micro")

                // Domain: the one most public companies declare.
                let publicIDs = Set(publicCompanies.compactMap(\.id))
                let links = try await CompanyDomain.query(on: app.db).all().filter { publicIDs.contains($0.$company.id) }
                let (domainID, domainLinks) = try #require(Dictionary(grouping: links, by: { $0.$domain.id }).max { $0.value.count < $1.value.count })
                let withDomain = Set(domainLinks.map { $0.$company.id })
                try await check("domaine=\(domainID.uuidString)", expected: publicCompanies.filter { withDomain.contains($0.id!) }, "domain")

                // Members and non-members.
                let members = try await Dir.memberIDs(app)
                try await check("adherent=oui", expected: publicCompanies.filter { members.contains($0.id!) }, "members")
                try await check("adherent=non", expected: publicCompanies.filter { !members.contains($0.id!) }, "non-members")

                let nonMembers = try await visitor.get("/annuaire?adherent=non&" + Dir.q("Studio Hors Cluster"))
                let card = try #require(Dir.cards(nonMembers.body).first { $0.slug == outsider.slug })
                #expect(!card.html.contains("adhérent OPEN"), "a non-member has no member badge")
                let memberPage = try await visitor.get("/annuaire?adherent=oui")
                let memberCard = try #require(Dir.cards(memberPage.body).first)
                #expect(memberCard.html.contains("adhérent OPEN"), "members carry the badge")
                #expect(!(try await visitor.get("/annuaire/\(outsider.slug)")).body.contains("adhérent OPEN"))
                #expect(try await visitor.get("/annuaire/\(memberCard.slug)").body.contains("adhérent OPEN"))
            }
        }

        /// "Adhérent" in the directory means an active membership in the latest membership year
        /// found in the database. As soon as one company joins for the current year, every member
        /// of last year (not yet renewed, still up to date for `DuesStanding`) loses its badge and
        /// drops out of ?adherent=oui.
        @Test func lastYearsMembersStayMembersWhenACompanyJoinsThisYear() async throws {
            try await withGrappe(demo: true) { app in
                let latest = try #require(try await Membership.query(on: app.db).max(\.$year))
                let year = TestClock.year
                try #require(year > latest, "the demo's memberships end before the current year")
                let visitor = TestClient(app)
                let before = try await Dir.listing(visitor, "adherent=oui")
                #expect(before.total > 0)
                let newcomer = try await Fixtures.member(app, name: "Nouvelle Adhérente", year: year)
                newcomer.company.publicProfile = true
                try await newcomer.company.save(on: app.db)
                let after = try await Dir.listing(visitor, "adherent=oui")
                #expect(after.slugs.contains(newcomer.company.slug))
                #expect(Set(before.slugs).isSubset(of: Set(after.slugs)), "\(before.total) members before, \(after.total) after")
            }
        }

        @Test func privateCompaniesAreNeitherListedNorShown() async throws {
            try await withGrappe(demo: true) { app in
                let hidden = try #require(try await Company.query(on: app.db).filter(\.$publicProfile == false).sort(\.$name).first())
                let visitor = TestClient(app)
                let search = try await visitor.get("/annuaire?" + Dir.q(hidden.name))
                #expect(search.status == .ok)
                #expect(search.body.contains("value=\"\(HTML.escape(hidden.name))\""), "the search ran, with what was typed")
                #expect(!Dir.cards(search.body).map(\.slug).contains(hidden.slug))
                let visible = try #require(try await Company.query(on: app.db).filter(\.$publicProfile == true).sort(\.$name).first())
                #expect(Dir.cards(try await visitor.get("/annuaire?" + Dir.q(visible.name)).body).map(\.slug).contains(visible.slug),
                        "the same search finds a public company")
                #expect(!search.body.contains(HTML.escape(hidden.name) + "</a>"))
                let profile = try await visitor.get("/annuaire/\(hidden.slug)")
                #expect(profile.status == .notFound)
                #expect(!(try await Dir.listing(visitor)).slugs.contains(hidden.slug))
                // The same company becomes visible once it consents.
                hidden.publicProfile = true
                try await hidden.save(on: app.db)
                #expect(try await visitor.get("/annuaire/\(hidden.slug)").status == .ok)
            }
        }

        @Test func paginatesTwentyPerPage() async throws {
            try await withGrappe(demo: true) { app in
                let publicCompanies = try await Dir.publicCompanies(app)
                #expect(publicCompanies.count > 40, "the demo has enough public companies for three pages")
                let lastPage = (publicCompanies.count + 19) / 20
                let visitor = TestClient(app)
                let first = try await visitor.get("/annuaire")
                let second = try await visitor.get("/annuaire?page=2")
                #expect(second.status == .ok)
                let firstSlugs = Dir.cards(first.body).map(\.slug), secondSlugs = Dir.cards(second.body).map(\.slug)
                #expect(firstSlugs.count == 20 && secondSlugs.count == 20)
                #expect(Set(firstSlugs).isDisjoint(with: secondSlugs))
                #expect(first.body.contains("Page 1 sur \(lastPage)"))
                #expect(second.body.contains("Page 2 sur \(lastPage)"))
                #expect(second.body.contains("rel=\"prev\""))
                let all = try await Dir.listing(visitor)
                #expect(all.total == publicCompanies.count)
                #expect(all.slugs.count == publicCompanies.count)
                #expect(Set(all.slugs) == Set(publicCompanies.map(\.slug)))
                // Without words, the directory is alphabetical.
                let names = try await Company.query(on: app.db).filter(\.$publicProfile == true).all()
                let bySlug = Dictionary(uniqueKeysWithValues: names.map { ($0.slug, TextFolding.fold($0.name)) })
                let folded = all.slugs.compactMap { bySlug[$0] }
                #expect(folded == folded.sorted())
            }
        }

        // MARK: profile page

        @Test func profileCarriesOpenGraphAndJSONLDAndCannotBreakOutOfTheScript() async throws {
            try await withGrappe { app in
                let name = "Évasion </script><script>alert(1)</script> & Cie"
                let company = try await Dir.company(app, name: name, description: "Conseil **numérique** à Koné.", commune: "Koné",
                                                    website: "https://evasion.example")
                let page = try await TestClient(app).get("/annuaire/\(company.slug)")
                #expect(page.status == .ok)
                #expect(!page.body.contains("<script>alert"), "the name must never become a script")
                #expect(page.body.contains("<meta property=\"og:title\" content=\"\(HTML.escape(name))\">"))
                #expect(page.body.contains("<meta property=\"og:url\" content=\"\(app.baseURL)/annuaire/\(company.slug)\">"))
                #expect(page.body.contains("<h1>\(HTML.escape(name))"))

                let opening = "<script type=\"application/ld+json\">"
                let start = try #require(page.body.range(of: opening))
                let end = try #require(page.body.range(of: "</script>", range: start.upperBound..<page.body.endIndex))
                let json = String(page.body[start.upperBound..<end.lowerBound])
                let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
                #expect(object["@type"] as? String == "Organization")
                #expect(object["@context"] as? String == "https://schema.org")
                #expect(object["name"] as? String == name, "the escaped JSON decodes back to the exact name")
                #expect(object["url"] as? String == "\(app.baseURL)/annuaire/\(company.slug)")
                #expect(object["sameAs"] as? String == "https://evasion.example")
                #expect((object["address"] as? [String: String])?["addressLocality"] == "Koné")
                // Only the layout's own script and the JSON-LD block open a <script> element.
                #expect(page.body.components(separatedBy: "<script").count - 1 == 2)
                #expect(page.body.components(separatedBy: "</script>").count - 1 == 2)
            }
        }

        // MARK: correction and removal requests

        @Test func correctionRequestFormValidatesInFrenchAndKeepsTheHoneypot() async throws {
            try await withGrappe { app in
                let company = try await Dir.company(app, name: "Cagou Réseaux")
                let path = "/annuaire/\(company.slug)"
                let visitor = TestClient(app)
                let profile = try await visitor.get(path)
                #expect(profile.body.contains("name=\"\(PublicFormGuard.honeypotField)\""), "the form carries the field the spam guard checks")
                let bad = try await visitor.post(path + "/signalement", ["kind": "autre", "name": "", "email": "pas-un-email@", "message": "Faux"])
                #expect(bad.status == .badRequest)
                for message in ["Choisissez une correction ou un retrait.", "Votre nom est obligatoire.", "Adresse e-mail invalide.",
                                "Expliquez la demande en quelques mots (10 caractères au moins)."] {
                    #expect(bad.body.contains(message), "\(message)")
                }
                #expect(bad.body.contains("value=\"pas-un-email@\""), "typed values are kept")
                let tooLong = try await visitor.post(path + "/signalement", ["kind": "correction", "name": String(repeating: "n", count: 121),
                                                                               "email": "a@b.example", "message": String(repeating: "m", count: 2001)])
                #expect(tooLong.status == .badRequest)
                #expect(tooLong.body.contains("120 caractères au maximum.") && tooLong.body.contains("2 000 caractères au maximum."))
                let bot = try await visitor.post(path + "/signalement", ["kind": "removal", "name": "Bot", "email": "bot@spam.example",
                                                                          "message": "Retirez cette fiche immédiatement.", PublicFormGuard.honeypotField: "http://spam.example"])
                #expect(bot.status == .seeOther)
                #expect(try await DirectoryRequest.query(on: app.db).count() == 0, "the honeypot creates nothing")
                #expect(try await OutboxMessage.query(on: app.db).count() == 0)
                #expect(try await visitor.get("/annuaire/nulle-part").status == .notFound)
                #expect(try await visitor.post("/annuaire/nulle-part/signalement", ["kind": "removal", "name": "X", "email": "x@x.example",
                                                                                   "message": "Retirez cette fiche."]).status == .notFound)
            }
        }

        @Test func removalRequestAppliedByStaffHidesTheProfile() async throws {
            try await withGrappe(demo: true) { app in
                let company = try #require(try await Company.query(on: app.db).filter(\.$publicProfile == true).sort(\.$name).first())
                let path = "/annuaire/\(company.slug)"
                let visitor = TestClient(app)
                try await visitor.get(path)
                let sent = try await visitor.post(path + "/signalement", ["kind": "removal", "name": "Ana Requérante", "email": "Ana@Requete.example",
                                                                           "message": "Nous avons cessé notre activité en juin."])
                #expect(sent.status == .seeOther)
                #expect(sent.location == path)
                let request = try #require(try await DirectoryRequest.query(on: app.db).filter(\.$requesterEmail == "ana@requete.example").first(),
                                           "the email is stored in lower case")
                #expect(request.kind == .removal && request.status == .pending)
                #expect(request.$company.id == company.id)
                let org = try await app.currentOrganisation(on: app.db)
                let notice = try #require(try await OutboxMessage.query(on: app.db).filter(\.$kind == "directory_request")
                    .filter(\.$subject == "Annuaire : demande de retrait pour \(company.name)").first())
                #expect(notice.recipient == org.email)
                #expect(notice.body.contains("Nous avons cessé notre activité en juin."))

                let staff = try await Dir.staff(app)
                let admin = try await staff.get("/annuaire/gestion")
                #expect(admin.status == .ok)
                #expect(admin.body.contains("Ana Requérante") && admin.body.contains("Nous avons cessé notre activité en juin."))
                #expect(admin.body.contains("/annuaire/demandes/\(request.id!.uuidString)"))
                let applied = try await staff.post("/annuaire/demandes/\(request.id!.uuidString)", ["decision": "apply", "note": "Fiche retirée, bonne continuation."])
                #expect(applied.status == .seeOther)
                #expect(try await Company.find(company.id, on: app.db)?.publicProfile == false)
                #expect(try await visitor.get(path).status == .notFound)
                #expect(!(try await Dir.listing(visitor)).slugs.contains(company.slug))
                let decided = try #require(try await DirectoryRequest.find(request.id, on: app.db))
                #expect(decided.status == .applied)
                #expect(decided.decisionNote == "Fiche retirée, bonne continuation.")
                let manager = try #require(try await User.query(on: app.db).filter(\.$email == DemoData.managerEmail).first())
                #expect(decided.$decidedBy.id == manager.id)
                let answer = try #require(try await OutboxMessage.query(on: app.db).filter(\.$kind == "directory_decision")
                    .filter(\.$recipient == "ana@requete.example").first())
                #expect(answer.body.contains("retirée de l'annuaire") && answer.body.contains("Fiche retirée, bonne continuation."))
                // Deciding again changes nothing.
                #expect(try await staff.post("/annuaire/demandes/\(request.id!.uuidString)", ["decision": "reject"]).status == .seeOther)
                #expect(try await DirectoryRequest.find(request.id, on: app.db)?.status == .applied)
                #expect(try await OutboxMessage.query(on: app.db).filter(\.$kind == "directory_decision").filter(\.$recipient == "ana@requete.example").count() == 1)
            }
        }

        @Test func rejectedRequestLeavesTheProfilePublic() async throws {
            try await withGrappe(demo: true) { app in
                let company = try #require(try await Company.query(on: app.db).filter(\.$publicProfile == true).sort(\.$name, .descending).first())
                let path = "/annuaire/\(company.slug)"
                let visitor = TestClient(app)
                try await visitor.get(path)
                #expect(try await visitor.post(path + "/signalement", ["kind": "removal", "name": "Concurrent", "email": "jaloux@ailleurs.example",
                                                                        "message": "Cette entreprise ne devrait pas figurer ici."]).status == .seeOther)
                let request = try #require(try await DirectoryRequest.query(on: app.db).filter(\.$requesterEmail == "jaloux@ailleurs.example").first())
                let staff = try await Dir.staff(app)
                try await staff.get("/annuaire/gestion")
                #expect(try await staff.post("/annuaire/demandes/\(request.id!.uuidString)", ["decision": "reject", "note": "Demande sans fondement."]).status == .seeOther)
                #expect(try await DirectoryRequest.find(request.id, on: app.db)?.status == .rejected)
                #expect(try await Company.find(company.id, on: app.db)?.publicProfile == true)
                #expect(try await visitor.get(path).status == .ok)
                let answer = try #require(try await OutboxMessage.query(on: app.db).filter(\.$kind == "directory_decision")
                    .filter(\.$recipient == "jaloux@ailleurs.example").first())
                #expect(answer.body.contains("pas donné suite") && answer.body.contains("Demande sans fondement."))
                #expect(!(try await staff.get("/annuaire/gestion")).body.contains("/annuaire/demandes/\(request.id!.uuidString)"), "no longer to decide")
            }
        }

        // MARK: staff upkeep

        @Test func onlyStaffManageTheDirectory() async throws {
            try await withGrappe(demo: true) { app in
                let company = try #require(try await Company.query(on: app.db).filter(\.$publicProfile == true).first())
                let stampBefore = company.verifiedAt
                let anonymous = try await TestClient(app).get("/annuaire/gestion")
                #expect(anonymous.status == .seeOther)
                #expect(anonymous.location?.hasPrefix("/connexion") == true)
                for email in [DemoData.memberEmail, DemoData.boardEmail] {
                    let client = TestClient(app)
                    try await client.login(email)
                    #expect(try await client.get("/annuaire/gestion").status == .forbidden, "\(email)")
                    #expect(try await client.post("/annuaire/gestion/\(company.id!.uuidString)/verifier").status == .forbidden, "\(email)")
                }
                #expect(try await Company.find(company.id, on: app.db)?.verifiedAt == stampBefore, "nothing was stamped")
                #expect(try await Dir.staff(app).get("/annuaire/gestion").status == .ok)
            }
        }

        @Test func upkeepListsStalestFirstAndVerifyStampsTheProfile() async throws {
            try await withGrappe { app in
                let recent = try await Dir.company(app, name: "Alpha Récent")
                let old = try await Dir.company(app, name: "Beta Ancien")
                let never = try await Dir.company(app, name: "Zulu Jamais")
                _ = try await Dir.company(app, name: "Omega Privé", isPublic: false)
                recent.verifiedAt = TestClock.now.addingTimeInterval(-30 * 86400)
                try await recent.save(on: app.db)
                old.verifiedAt = TestClock.now.addingTimeInterval(-2 * 365 * 86400)
                try await old.save(on: app.db)
                let staff = try await Fixtures.staffClient(app)
                func order() async throws -> [String] {
                    let page = try await staff.get("/annuaire/gestion")
                    #expect(page.status == .ok)
                    #expect(!page.body.contains("Omega Privé"), "private profiles are not in the upkeep list")
                    let positions = [recent, old, never].map { c in (c.slug, page.body.range(of: "href=\"/annuaire/\(c.slug)\"")?.lowerBound) }
                    #expect(positions.allSatisfy { $0.1 != nil })
                    return positions.sorted { $0.1! < $1.1! }.map(\.0)
                }
                #expect(try await order() == [never.slug, old.slug, recent.slug])
                #expect(try await staff.get("/annuaire/gestion").body.contains("jamais"))
                let verified = try await staff.post("/annuaire/gestion/\(never.id!.uuidString)/verifier")
                #expect(verified.status == .seeOther)
                let stamp = try #require(try await Company.find(never.id, on: app.db)?.verifiedAt)
                #expect(abs(stamp.timeIntervalSince(TestClock.now)) < 1, "stamped with the day of the verification")
                #expect(try await order() == [old.slug, recent.slug, never.slug])
                #expect(try await TestClient(app).get("/annuaire/\(never.slug)").body.contains("Fiche vérifiée le \(FrenchDate.long(stamp))"))
                #expect(try await staff.post("/annuaire/gestion/\(UUID().uuidString)/verifier").status == .notFound)
            }
        }

        @Test func memberContactEditsTheirPublicProfile() async throws {
            try await withGrappe { app in
                let mine = try await Fixtures.member(app, name: "Ma Société Numérique", login: "moi@ma-societe.example")
                mine.company.publicProfile = true
                try await mine.company.save(on: app.db)
                #expect(mine.company.verifiedAt == nil)
                let visitor = TestClient(app)
                #expect(try await visitor.get("/annuaire/\(mine.company.slug)").body.contains("Fiche pas encore vérifiée."))
                let client = TestClient(app)
                try await client.login("moi@ma-societe.example", Fixtures.password)
                let profile = try await client.get("/annuaire/\(mine.company.slug)")
                #expect(profile.body.contains("/adherents/\(mine.company.id!.uuidString)/modifier"), "the contact gets an edit link")
                let saved = try await client.post("/adherents/\(mine.company.id!.uuidString)/modifier", [
                    ("name", "Ma Société Numérique"), ("headcount", "12"), ("commune", "Pouembout"), ("publicProfile", "1"),
                    ("website", "https://ma-societe.example"), ("description", "Cartographie et géomatique pour les communes du Nord."),
                    ("domains[]", "Géomatique et SIG"),
                ])
                #expect(saved.status == .seeOther)
                let company = try #require(try await Company.find(mine.company.id, on: app.db))
                let stamp = try #require(company.verifiedAt, "an edit by the company counts as a verification")
                #expect(abs(stamp.timeIntervalSince(TestClock.now)) < 1, "stamped with the day of the verification")
                let page = try await visitor.get("/annuaire/\(company.slug)")
                #expect(page.body.contains("Cartographie et géomatique pour les communes du Nord."))
                #expect(page.body.contains("<dd>Pouembout</dd>"))
                #expect(page.body.contains("Géomatique et SIG"))
                #expect(page.body.contains("Fiche vérifiée le"))
                let found = try await visitor.get("/annuaire?" + Dir.q("GEOMATIQUE") + "&commune=Pouembout&taille=small")
                #expect(Dir.cards(found.body).map(\.slug) == [company.slug])
                // Unticking the consent takes the profile down.
                #expect(try await client.post("/adherents/\(mine.company.id!.uuidString)/modifier", [
                    "name": "Ma Société Numérique", "headcount": "12", "commune": "Pouembout",
                ]).status == .seeOther)
                #expect(try await visitor.get("/annuaire/\(company.slug)").status == .notFound)
            }
        }

        // MARK: machine-readable views

        @Test func sitemapListsPublicProfilesOnly() async throws {
            try await withGrappe(demo: true) { app in
                let visitor = TestClient(app)
                let response = try await visitor.get("/sitemap.xml")
                #expect(response.status == .ok)
                #expect(response.headers.first(name: .contentType)?.hasPrefix("application/xml") == true)
                #expect(response.body.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
                let reader = SitemapReader()
                let parser = XMLParser(data: Data(response.body.utf8))
                parser.delegate = reader
                #expect(parser.parse(), "sitemap.xml is well-formed XML")
                #expect(reader.root == "urlset")
                let locs = Set(reader.locs)
                #expect(locs.count == reader.locs.count, "no duplicate URL")
                let base = app.baseURL
                #expect(locs.contains(base + "/annuaire"))
                let companies = try await Company.query(on: app.db).all()
                #expect(companies.contains { !$0.publicProfile })
                for company in companies {
                    #expect(locs.contains("\(base)/annuaire/\(company.slug)") == company.publicProfile, "\(company.name)")
                }
                let robots = try await visitor.get("/robots.txt")
                #expect(robots.status == .ok)
                #expect(robots.body.contains("Sitemap: \(base)/sitemap.xml"))
                #expect(robots.body.contains("Disallow: /adherents"))
            }
        }

        @Test func exportsContainPublicEntriesOnly() async throws {
            try await withGrappe(demo: true) { app in
                let base = app.baseURL
                let companies = try await Company.query(on: app.db).all()
                let publicOnes = companies.filter(\.publicProfile), privateOnes = companies.filter { !$0.publicProfile }
                #expect(!privateOnes.isEmpty)
                let members = try await Dir.memberIDs(app)
                let visitor = TestClient(app)

                let json = try await visitor.get("/annuaire/export.json")
                #expect(json.status == .ok)
                #expect(json.headers.first(name: .contentType)?.hasPrefix("application/json") == true)
                let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.body.utf8)) as? [[String: String]])
                #expect(objects.count == publicOnes.count)
                let byURL = Dictionary(objects.map { ($0["fiche"] ?? "", $0) }, uniquingKeysWith: { a, _ in a })
                for company in publicOnes {
                    let entry = try #require(byURL["\(base)/annuaire/\(company.slug)"], "\(company.name) missing from JSON")
                    #expect(entry["nom"] == company.name)
                    #expect(entry["commune"] == company.commune)
                    #expect(entry["adherent"] == (members.contains(company.id!) ? "oui" : "non"))
                }
                for company in privateOnes { #expect(byURL["\(base)/annuaire/\(company.slug)"] == nil, "\(company.name) is private") }

                let csv = try await visitor.get("/annuaire/export.csv")
                #expect(csv.status == .ok)
                #expect(csv.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
                let rows = CSVTable.parse(csv.body)
                let header = try #require(rows.first)
                let nameColumn = try #require(header.firstIndex(of: "nom")), linkColumn = try #require(header.firstIndex(of: "fiche"))
                #expect(rows.count - 1 == publicOnes.count)
                let links = Set(rows.dropFirst().map { $0[linkColumn] })
                #expect(links == Set(publicOnes.map { "\(base)/annuaire/\($0.slug)" }))
                let names = Set(rows.dropFirst().map { $0[nameColumn] })
                for company in privateOnes { #expect(!names.contains(company.name), "\(company.name) is private") }
            }
        }
    }
}

/// Collects the `<loc>` of a sitemap.
private final class SitemapReader: NSObject, XMLParserDelegate {
    var root: String?
    var locs: [String] = []
    private var text: String?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if root == nil { root = name }
        if name == "loc" { text = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text? += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "loc", let value = text { locs.append(value.trimmingCharacters(in: .whitespacesAndNewlines)) }
        text = nil
    }
}
