import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The job pages drawn from offers in memory: no database, no request.
@Suite struct JobViewTests {
    static let now = FrenchDate.make(2026, 9, 15)

    static func offer(status: JobOffer.Status = .published, expires: Date = FrenchDate.make(2026, 10, 31)) -> JobOffer {
        let company = Company()
        company.id = UUID()
        company.name = "Skazy"
        company.slug = "skazy"
        let o = JobOffer(organisationID: UUID(), companyID: company.id!, postedBy: nil)
        o.id = UUID()
        o.$company.value = company
        o.title = "Développeur·se <Swift>"
        o.kind = .job
        o.contract = .permanent
        o.commune = "Nouméa"
        o.about = "Rejoignez-nous"
        o.howToApply = "rh@skazy.example"
        o.expiresAt = expires
        o.status = status
        o.moderationNote = status == .hidden ? "Doublon" : ""
        return o
    }

    @Test func theListShowsLiveOffersAndTheReadersOwn() {
        let live = Self.offer()
        let html = JobView.list([live], total: 1, mine: [Self.offer(status: .hidden)], pages: Pagination(page: 1, perPage: 20, total: 1),
                                filter: JobQueries.Filter(), canPost: true, now: Self.now).raw
        #expect(html.contains("href=\"\(Site.jobShow.path(live))\">Développeur·se &lt;Swift&gt;</a>"))
        #expect(html.contains("Les offres de votre entreprise") && html.contains("masquée") && html.contains("Publier une offre"))
        let empty = JobView.list([], total: 0, mine: [], pages: Pagination(page: 1, perPage: 20, total: 0), filter: JobQueries.Filter(),
                                 canPost: false, now: Self.now).raw
        #expect(empty.contains("Aucune offre en ligne pour ces critères.") && !empty.contains("Publier une offre"))
    }

    @Test func anOfferShowsItsToolsToWhoMayUseThem() {
        let live = Self.offer()
        let visitor = JobView.page(live, manage: false, staff: false, now: Self.now, csrf: .empty).raw
        #expect(!visitor.contains("Modifier") && !visitor.contains("Modération") && visitor.contains("rh@skazy.example"))
        let staff = JobView.page(live, manage: true, staff: true, now: Self.now, csrf: "<input name=\"_csrf\">").raw
        #expect(staff.contains("action=\"\(Site.jobWithdraw.path(live))\"") && staff.contains("Masquer l&#39;offre"))
        let hidden = JobView.page(Self.offer(status: .hidden), manage: true, staff: false, now: Self.now, csrf: .empty).raw
        #expect(hidden.contains("Offre masquée par la modération : Doublon.") && !hidden.contains("Retirer l&#39;offre"))
        let expired = JobView.page(Self.offer(expires: FrenchDate.make(2026, 9, 1)), manage: false, staff: false, now: Self.now, csrf: .empty).raw
        #expect(expired.contains("Offre expirée"))
    }
}
