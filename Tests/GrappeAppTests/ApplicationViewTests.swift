import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// A join application's page drawn from its model alone: no database, no request.
@Suite struct ApplicationViewTests {
    static func application(_ status: MembershipApplication.Status) -> MembershipApplication {
        let a = MembershipApplication()
        a.id = UUID()
        a.year = 2026; a.companyName = "Cagou <Numérique>"; a.legalName = ""; a.ridet = "1234567.001"; a.address = ""
        a.commune = "Dumbéa"; a.website = ""; a.companyEmail = "contact@cagou.example"; a.companyPhone = ""; a.about = "Applications"
        a.headcount = 14; a.category = .core; a.domains = "Développement web"; a.firstName = "Léa"; a.lastName = "WAIA"
        a.email = "lea@cagou.example"; a.phone = ""; a.role = "Gérante"; a.feeQuoted = 30_000; a.commitments = "Charte"
        a.status = status; a.decisionReason = status == .declined ? "Hors du numérique" : ""
        a.decidedAt = status == .pending ? nil : FrenchDate.make(2026, 9, 10)
        return a
    }

    @Test func aPendingApplicationWarnsOfTheCompanyHoldingItsRIDET() {
        let a = Self.application(.pending)
        let holder = Company()
        holder.id = UUID()
        holder.name = "Cagou Historique"
        let html = ApplicationView.page(ApplicationPage(application: a, existingCompany: holder, decidedBy: nil), form: FormState(),
                                        csrf: "<input name=\"_csrf\">").raw
        #expect(html.contains("Cagou &lt;Numérique&gt;") && !html.contains("<Numérique>"))
        #expect(html.contains("Ce RIDET est déjà celui de <a href=\"\(Site.memberShow.path(holder))\">Cagou Historique</a>"))
        #expect(html.contains("action=\"\(Site.applicationsApprove.path(a))\"") && html.contains("action=\"\(Site.applicationsDecline.path(a))\""))
        #expect(html.contains("name=\"linkExisting\""))
    }

    @Test func aDecidedApplicationSaysWhoAndWhy() {
        let a = Self.application(.declined)
        let html = ApplicationView.page(ApplicationPage(application: a, existingCompany: nil, decidedBy: "Marie Loche"), form: FormState(), csrf: .empty).raw
        #expect(html.contains("Le jeudi 10 septembre 2026 par Marie Loche.") && html.contains("Hors du numérique"))
        #expect(!html.contains(Site.applicationsApprove.path(a)))
        let list = ApplicationView.list([Self.application(.pending), a]).raw
        #expect(list.contains("À décider") && list.components(separatedBy: "Cagou &lt;Numérique&gt;").count == 3)
    }
}
