import Fluent
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// The renewal campaign over HTTP: the preview, the confirmation in one transaction (memberships,
    /// priced dues, the call emailed), run twice without creating anything twice, and its refusals.
    @Suite struct RenewalCampaignTests {
        static func fields(_ lines: [(Company, Bool, MembershipCategory, String)], issuedOn: String = "2026-09-01") -> [(String, String)] {
            var out: [(String, String)] = [("year", "2026"), ("issuedOn", issuedOn)]
            for (company, renew, category, headcount) in lines {
                let id = company.id!.uuidString
                if renew { out.append(("renew-\(id)", "1")) }
                out.append(("category-\(id)", category.rawValue))
                out.append(("headcount-\(id)", headcount))
            }
            return out
        }

        @Test func staffPreviewsThenRenewsOnceWithPricedDuesAndTheCall() async throws {
            try await withGrappe { app in
                try await Fixtures.schedule(app, year: 2025)
                try await Fixtures.schedule(app, year: 2026)
                let orgID = try await Fixtures.organisationID(app)
                let alpha = try await Fixtures.member(app, name: "Alpha Numérique", headcount: 5)
                let beta = try await Fixtures.member(app, name: "Béta Conseil", headcount: 14)
                let gamma = try await Fixtures.member(app, name: "Gamma Web")
                let gone = try await Fixtures.member(app, name: "Partie SARL")
                try await MemberService.setMembership(companyID: gone.company.id!, year: 2025, category: .core, status: .resigned, startDate: FrenchDate.make(2025, 1, 1),
                                                      holderID: nil, organisationID: orgID, user: nil, on: app.db)
                let lapsed = try await Fixtures.member(app, name: "Radiée SAS")
                try await MemberService.setMembership(companyID: lapsed.company.id!, year: 2025, category: .core, status: .lapsed, startDate: FrenchDate.make(2025, 1, 1),
                                                      holderID: nil, organisationID: orgID, user: nil, on: app.db)
                let staff = try await Fixtures.staffClient(app)

                let dashboard = try await staff.get("/cotisations?annee=2026")
                #expect(dashboard.body.contains("préparez le renouvellement 2026"), "the greyed call says why and the way")
                let preview = try await staff.get("/cotisations/renouvellement?annee=2026")
                #expect(preview.status == .ok)
                #expect(preview.body.contains("Alpha Numérique") && preview.body.contains("Béta Conseil"))
                #expect(preview.body.contains("Partie SARL") && preview.body.contains("a démissionné"))
                #expect(preview.body.contains("Radiée SAS") && preview.body.contains("non renouvelée (radiée)"))
                #expect(preview.body.contains("3 adhérents à renouveler"))

                // A wrong headcount: 400, the French message, the typed values kept, nothing written.
                let refused = try await staff.post("/cotisations/renouvellement", Self.fields([(alpha.company, true, .core, "douze"), (beta.company, true, .core, "14")]))
                #expect(refused.status == .badRequest)
                #expect(refused.body.contains("Effectif de Alpha Numérique : un nombre entier de salariés"))
                #expect(refused.body.contains("value=\"douze\""))
                #expect(try await Membership.query(on: app.db).filter(\.$year == 2026).count() == 0)

                // Alpha grows to 30 employees, Béta becomes a partner.
                // Gamma is left unticked: not renewed.
                let none = try await staff.post("/cotisations/renouvellement", Self.fields([(alpha.company, false, .core, "5"), (beta.company, false, .core, "14"), (gamma.company, false, .core, "5")]))
                #expect(none.status == .badRequest && none.body.contains("Cochez au moins un adhérent à renouveler."))
                let done = try await staff.post("/cotisations/renouvellement", Self.fields([(alpha.company, true, .core, "30"), (beta.company, true, .partner, "14"), (gamma.company, false, .core, "5")]))
                #expect(done.status == .seeOther)
                let m2026 = try await Membership.query(on: app.db).filter(\.$year == 2026).all()
                #expect(m2026.count == 2)
                #expect(m2026.first { $0.$company.id == beta.company.id }?.category == .partner)
                #expect(m2026.allSatisfy { $0.status == .active && $0.$holder.id != nil })
                #expect(try await Company.find(alpha.company.id, on: app.db)?.headcount == 30)
                let dues = try await Due.query(on: app.db).filter(\.$year == 2026).all()
                #expect(dues.count == 2)
                let alphaDue = try #require(dues.first { $0.$company.id == alpha.company.id })
                #expect(alphaDue.amount == FeeGrid.open2025.bracket(for: .core, headcount: 30)?.amount)
                #expect(alphaDue.headcount == 30)
                #expect(dues.first { $0.$company.id == beta.company.id }?.amount == FeeGrid.open2025.bracket(for: .partner, headcount: 14)?.amount)
                let calls = try await OutboxMessage.query(on: app.db).filter(\.$kind == "dues_call").all()
                #expect(calls.count == 2)
                #expect(calls.contains { $0.recipient == alpha.person.email && $0.subject.contains("Appel de cotisation 2026") && $0.body.contains(alphaDue.number) })
                let reference = try #require(alphaDue.paymentReference(try await app.currentOrganisation(on: app.db)))
                #expect(calls.contains { $0.body.contains("Référence à rappeler : \(reference)") }, "the call carries the due's payment reference")
                let history = try await AuditEntry.query(on: app.db).filter(\.$entityID == alpha.company.id!).all()
                #expect(history.contains { $0.changes.contains("effectif") && $0.changes.contains("30") })

                // Twice: nothing new.
                let again = try await staff.post("/cotisations/renouvellement", Self.fields([(alpha.company, true, .core, "30"), (beta.company, true, .partner, "14"), (gamma.company, false, .core, "5")]))
                #expect(again.status == .seeOther, "the same form sent twice")
                #expect(try await Membership.query(on: app.db).filter(\.$year == 2026).count() == 2)
                #expect(try await Due.query(on: app.db).filter(\.$year == 2026).count() == 2)
                #expect(try await OutboxMessage.query(on: app.db).filter(\.$kind == "dues_call").count() == 2)
                let later = try await staff.get("/cotisations/renouvellement?annee=2026")
                #expect(later.body.contains("déjà renouvelée") && later.body.contains("1 adhérent à renouveler"), "Gamma can still be renewed")
            }
        }

        @Test func withoutTheNewGridThePageSaysSoAndLinksToIt() async throws {
            try await withGrappe { app in
                try await Fixtures.schedule(app, year: 2025)
                let alpha = try await Fixtures.member(app, name: "Alpha Numérique")
                let staff = try await Fixtures.staffClient(app)
                let preview = try await staff.get("/cotisations/renouvellement?annee=2026")
                #expect(preview.body.contains("Aucun barème pour 2026") && preview.body.contains("/cotisations/baremes/2026"))
                let refused = try await staff.post("/cotisations/renouvellement", Self.fields([(alpha.company, true, .core, "5")]))
                #expect(refused.status == .badRequest)
                #expect(try await Membership.query(on: app.db).filter(\.$year == 2026).count() == 0)
            }
        }

        @Test func onlyStaffRunTheCampaign() async throws {
            try await withGrappe { app in
                try await Fixtures.schedule(app, year: 2025)
                try await Fixtures.schedule(app, year: 2026)
                let alpha = try await Fixtures.member(app, name: "Alpha Numérique", login: "moi@alpha.example")
                let member = TestClient(app)
                try await member.login("moi@alpha.example", Fixtures.password)
                #expect(try await member.get("/cotisations/renouvellement").status == .forbidden)
                #expect(try await member.post("/cotisations/renouvellement", Self.fields([(alpha.company, true, .core, "5")])).status == .forbidden)
                #expect(try await member.get("/cotisations/renouvellement/reglages").status == .forbidden)
                let visitor = TestClient(app)
                #expect(try await visitor.get("/cotisations/renouvellement").location?.hasPrefix("/connexion") == true)
                #expect(try await Membership.query(on: app.db).filter(\.$year == 2026).count() == 0)
            }
        }
    }
}
