import Fluent
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    @Suite struct MemberPagesTests {
        @Test func managerFindsSkazyAndRecordsAPayment() async throws {
            try await withGrappe(demo: true) { app in
                let client = TestClient(app)
                try await client.login(DemoData.managerEmail)
                let list = try await client.get("/adherents?q=skazy")
                #expect(list.status == .ok)
                #expect(list.body.contains("1 entreprise"))
                let skazy = try #require(try await Company.query(on: app.db).filter(\.$name == "SKAZY").first())
                let page = try await client.get("/adherents/\(skazy.id!.uuidString)")
                #expect(page.body.contains("membre fondateur"))
                let due = try await Fixtures.due(app, company: skazy)
                #expect(due.year == 2025)
                #expect(due.amount == 90_000, "14 employees, cœur de filière: 11–25 bracket")
                #expect(page.body.contains(due.number))
                let duePage = try await client.get("/cotisations/\(due.id!.uuidString)")
                #expect(duePage.body.contains("Reste 90\u{202F}000\u{00A0}XPF"))
                let paid = try await client.post("/cotisations/\(due.id!.uuidString)/paiements",
                                                  ["amount": "90 000", "paidOn": "2025-06-12", "method": "transfer", "reference": "VIR-123"])
                #expect(paid.status == .seeOther)
                let after = try await client.get("/cotisations/\(due.id!.uuidString)")
                #expect(after.body.contains("Réglée"))
                #expect(after.body.contains("jeudi 12 juin 2025"))
                #expect(after.body.contains("Paiement"), "the audit trail shows the payment")
                #expect(try await client.get("/cotisations/\(due.id!.uuidString)/recu").body.contains("Cotisation intégralement réglée"))
            }
        }

        @Test func demoDataMatchesTheReport() async throws {
            try await withGrappe(demo: true) { app in
                let memberships = try await Membership.query(on: app.db).filter(\.$year == 2025).filter(\.$status == .active).with(\.$holder).all()
                #expect(memberships.count == 100)
                #expect(memberships.filter { $0.category == .core }.count == 85)
                #expect(memberships.filter { $0.category == .partner }.count == 15)
                #expect(memberships.filter { $0.holder?.gender == .female }.count == 10)
                #expect(try await Company.query(on: app.db).filter(\.$founding == true).count() == 20)
                let schedule = try #require(try await FeeSchedule.query(on: app.db).filter(\.$year == 2025).first())
                #expect(try await DuesService.grid(schedule, on: app.db) == FeeGrid.open2025)
                let orgID = try await Fixtures.organisationID(app)
                let totals = try await DueQueries.totals(app.db, organisationID: orgID, year: 2025)
                let count = totals.values.map(\.count).reduce(0, +)
                let paid = totals.values.map(\.paidCount).reduce(0, +)
                #expect(count == 100)
                #expect(paid > 70 && paid < 100, "most paid, some outstanding")
            }
        }

        @Test func listFiltersSortsAndPaginates() async throws {
            try await withGrappe(demo: true) { app in
                let client = TestClient(app)
                try await client.login(DemoData.managerEmail)
                let all = try await client.get("/adherents")
                #expect(all.body.contains("106 entreprises"))
                #expect(all.body.contains("Page 1 sur 5"))
                #expect(try await client.get("/adherents?page=5").body.contains("Page 5 sur 5"))
                #expect(try await client.get("/adherents?statut=active").body.contains("100 entreprises"))
                #expect(try await client.get("/adherents?statut=lapsed").body.contains("Ancien Adhérent Exemple"))
                #expect(try await client.get("/adherents?statut=resigned").body.contains("1 entreprise"))
                #expect(try await client.get("/adherents?statut=aucune&annee=2024").body.contains("Candidat Exemple"))
                #expect(try await client.get("/adherents?categorie=partner").body.contains("15 entreprises"))
                let unpaid = try await client.get("/adherents?cotisation=unpaid")
                #expect(unpaid.body.contains("SKAZY"))
                #expect(try await client.get("/adherents?cotisation=paid&q=skazy").body.contains("Aucun adhérent ne correspond"))
                // Search by contact name and by RIDET digits.
                #expect(try await client.get("/adherents?q=bellagi").body.contains("SKAZY"))
                let fictitious = try #require(try await Company.query(on: app.db).filter(\.$ridet != nil).first())
                let digits = fictitious.ridet!.filter(\.isNumber)
                #expect(try await client.get("/adherents?q=\(digits)").body.contains(fictitious.name.replacingOccurrences(of: "'", with: "&#39;")))
                let koneCount = try await Company.query(on: app.db).filter(\.$commune == "Koné").count()
                #expect(try await client.get("/adherents?commune=Kon%C3%A9").body.contains("\(koneCount) entreprise"))
                let bySize = try await client.get("/adherents?tri=headcount&ordre=desc")
                let first = try #require(bySize.body.range(of: "OFFRATEL")), second = try #require(bySize.body.range(of: "LAGOON"))
                #expect(first.lowerBound < second.lowerBound, "240 employees before 210")
                #expect(try await client.get("/adherents?annee=2031&statut=active").body.contains("Aucun adhérent ne correspond"))
            }
        }

        @Test func createValidatesAndKeepsWhatWasTyped() async throws {
            try await withGrappe { app in
                let client = try await Fixtures.staffClient(app)
                #expect(try await client.get("/adherents/nouveau").status == .ok)
                let bad = try await client.post("/adherents/nouveau", [
                    "name": "", "ridet": "12", "commune": "Paris", "headcount": "-3", "website": "ftp://x", "email": "nope",
                    "description": "Gardez-moi", "year": "2025", "category": "core", "status": "active",
                ])
                #expect(bad.status == .badRequest)
                for message in ["Le nom est obligatoire.", "RIDET invalide", "n&#39;est pas une commune", "L&#39;effectif doit être", "Adresse de site invalide", "Adresse e-mail invalide"] {
                    #expect(bad.body.contains(message), "\(message)")
                }
                #expect(bad.body.contains("Gardez-moi"))
                #expect(try await Company.query(on: app.db).count() == 0, "nothing half-written")
                let tooLong = try await client.post("/adherents/nouveau", ["name": String(repeating: "A", count: 121), "headcount": "1", "year": "2025", "category": "core", "status": "active"])
                #expect(tooLong.body.contains("120 caractères au maximum"))
                let wrongTypes = try await client.post("/adherents/nouveau", ["name": "X", "headcount": "douze", "year": "deux-mille", "category": "gold", "status": "?"])
                #expect(wrongTypes.status == .badRequest)
                #expect(wrongTypes.body.contains("Année invalide"))
                let ok = try await client.post("/adherents/nouveau", [
                    "name": "Nouvelle Pousse", "ridet": "1 234 567", "commune": "noumea", "headcount": "4", "year": "2025",
                    "category": "partner", "status": "active", "domains[]": "Cybersécurité",
                ])
                #expect(ok.status == .seeOther)
                let company = try #require(try await Company.query(on: app.db).first())
                #expect(company.ridet == "1234567")
                #expect(company.commune == "Nouméa")
                #expect(try await MemberService.currentDomains(app.db, companyID: company.requireID()) == ["Cybersécurité"])
                let detail = try await client.get(ok.location!)
                #expect(detail.body.contains("Partenaire · Actif en 2025"))
                #expect(detail.body.contains("Création"), "the creation is in the audit trail")
                let duplicate = try await client.post("/adherents/nouveau", ["name": "Autre", "ridet": "1234567", "headcount": "1", "year": "2025", "category": "core", "status": "active"])
                #expect(duplicate.body.contains("Une entreprise porte déjà ce RIDET."))
            }
        }

        @Test func editResignContactsAndHistory() async throws {
            try await withGrappe { app in
                try await Fixtures.user(app, email: "staff@open.nc", role: .staff)
                let member = try await Fixtures.member(app, name: "Historique", year: 2024)
                let id = member.company.id!.uuidString
                let client = TestClient(app)
                try await client.login("staff@open.nc", Fixtures.password)
                let edit = try await client.post("/adherents/\(id)/modifier", ["name": "Historique SAS", "headcount": "12", "commune": "Païta"])
                #expect(edit.status == .seeOther)
                var page = try await client.get("/adherents/\(id)")
                #expect(page.body.contains("Historique SAS"))
                #expect(page.body.contains("Historique → Historique SAS"), "the audit trail shows before and after")
                let renewed = try await client.post("/adherents/\(id)/adhesions", ["year": "2025", "category": "core", "status": "active", "holder": member.person.id!.uuidString])
                #expect(renewed.status == .seeOther)
                let added = try await client.post("/adherents/\(id)/contacts", ["firstName": "Ana", "lastName": "Wamytan", "email": "ana@historique.example", "role": "DSI", "gender": "female"])
                #expect(added.status == .seeOther)
                let badContact = try await client.post("/adherents/\(id)/contacts", ["firstName": "", "lastName": ""])
                #expect(badContact.status == .seeOther)
                #expect(try await client.get(badContact.location!).body.contains("Contact non ajouté"))
                #expect(try await client.get("/adherents/\(id)/demission").status == .ok)
                let badResign = try await client.post("/adherents/\(id)/demission", ["date": "31/02/2025"])
                #expect(badResign.status == .badRequest)
                #expect(badResign.body.contains("Date invalide."))
                let resigned = try await client.post("/adherents/\(id)/demission", ["date": "2025-09-30", "reason": "Cessation d'activité"])
                #expect(resigned.status == .seeOther)
                page = try await client.get("/adherents/\(id)")
                #expect(page.body.contains("Démission"))
                #expect(page.body.contains("Cessation d&#39;activité"))
                #expect(page.body.contains("<td>2024</td>") && page.body.contains("<td>2025</td>"), "history across years")
                #expect(page.body.contains("Ana Wamytan"))
                // Staff give the new contact a login: an invitation is queued.
                let ana = try #require(try await Person.query(on: app.db).filter(\.$email == "ana@historique.example").first())
                let access = try await client.post("/adherents/\(id)/contacts/\(ana.id!.uuidString)/acces")
                #expect(access.status == .seeOther)
                #expect(try await User.query(on: app.db).filter(\.$email == "ana@historique.example").first()?.role == .member)
                #expect(try await OutboxMessage.query(on: app.db).filter(\.$kind == "invitation").count() == 1)
                // Removing the contact deactivates the login it no longer needs; the holder cannot be removed.
                let holderRemoval = try await client.post("/adherents/\(id)/contacts/\(member.person.id!.uuidString)/retirer")
                #expect(try await client.get(holderRemoval.location!).body.contains("désignez d&#39;abord un autre titulaire"))
                #expect(try await client.post("/adherents/\(id)/contacts/\(ana.id!.uuidString)/retirer").status == .seeOther)
                #expect(try await CompanyContact.query(on: app.db).filter(\.$person.$id == ana.requireID()).count() == 0)
                #expect(try await User.query(on: app.db).filter(\.$email == "ana@historique.example").first()?.active == false)
            }
        }

        @Test func domainsAreEditable() async throws {
            try await withGrappe { app in
                let client = try await Fixtures.staffClient(app)
                #expect(try await client.get("/domaines").body.contains("32 domaines"))
                #expect(try await client.post("/domaines", ["name": "Spatial"]).status == .seeOther)
                let dup = try await client.post("/domaines", ["name": "spatial"])
                #expect(dup.status == .badRequest)
                #expect(dup.body.contains("Ce domaine existe déjà."))
                let spatial = try #require(try await CompetenceDomain.query(on: app.db).filter(\.$name == "Spatial").first())
                #expect(try await client.post("/domaines/\(spatial.id!.uuidString)", ["name": "Spatial et satellites"]).status == .seeOther)
                #expect(try await client.post("/domaines/\(spatial.id!.uuidString)/supprimer").status == .seeOther)
                #expect(try await CompetenceDomain.find(spatial.id, on: app.db) == nil)
            }
        }
    }
}
