import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The directory's search and profile drawn from entries in memory: no database, no request.
@Suite struct DirectoryViewTests {
    static func entry(member: Bool = true) -> DirectoryEntry {
        DirectoryEntry(company: MemberViewFixtures.company(), domains: ["Cyber <sécurité>"], isMember: member)
    }

    @Test func theSearchListsTheProfilesFound() {
        let e = Self.entry()
        let html = DirectoryView.search(filter: DirectoryFilter(), entries: [e], pages: Pagination(page: 1, perPage: 20, total: 1), domains: []).raw
        #expect(html.contains("<h2><a href=\"\(Site.directoryShow.path(e.company.slug))\">L&#39;Atelier &lt;SARL&gt;</a> <span class=\"badge badge-ok\">adhérent OPEN</span></h2>"))
        #expect(html.contains("<span class=\"tag\">Cyber &lt;sécurité&gt;</span>") && html.contains("<p>Développement "))
        #expect(html.contains("<p role=\"status\">1 professionnel</p>") && html.contains("action=\"\(Site.directoryIndex.path())\""))
        #expect(html.contains("<a href=\"\(Site.joinForm.path())\">Adhérez au cluster</a>"))
        let other = DirectoryView.search(filter: DirectoryFilter(), entries: [Self.entry(member: false)], pages: Pagination(page: 1, perPage: 20, total: 1), domains: []).raw
        #expect(!other.contains("adhérent OPEN"))
    }

    @Test func anEmptySearchOffersTheWholeDirectory() {
        var filter = DirectoryFilter()
        filter.query = "<rien>"
        let html = DirectoryView.search(filter: filter, entries: [], pages: Pagination(page: 1, perPage: 20, total: 0), domains: []).raw
        #expect(html.contains("<p role=\"status\">Aucun professionnel ne correspond.</p>") && html.contains("value=\"&lt;rien&gt;\""))
        #expect(html.contains("Essayez moins de mots ou retirez un filtre.</p><a href=\"\(Site.directoryIndex.path())\">Tout l'annuaire</a>"))
        #expect(!html.contains("<ul class=\"cards\">"))
    }

    @Test func aProfileShowsItsFactsAndTheEditLinkOnlyToWhoMayEdit() {
        let e = Self.entry()
        let c = e.company
        let visitor = DirectoryView.profile(entry: e, form: FormState(values: ["kind": "correction"]), canEdit: false, csrf: "<input name=\"_csrf\">").raw
        #expect(visitor.contains("<a href=\"\(Site.directoryIndex.path())\">Annuaire</a> › <span aria-current=\"page\">L&#39;Atelier &lt;SARL&gt;</span>"))
        #expect(visitor.contains("<a href=\"https://atelier.example\" rel=\"nofollow noopener\">https://atelier.example</a>"))
        #expect(visitor.contains("<a href=\"mailto:contact@atelier.example\">contact@atelier.example</a>") && visitor.contains("Fiche pas encore vérifiée."))
        #expect(visitor.contains("<form method=\"post\" action=\"\(Site.directoryReport.path(c.slug))\">\n<input name=\"_csrf\">"))
        #expect(!visitor.contains("Modifier la fiche") && !visitor.contains("<details class=\"panel\" open>"))
        let contact = DirectoryView.profile(entry: e, form: FormState(values: [:], errors: ["email": "E-mail invalide."]), canEdit: true, csrf: .empty).raw
        #expect(contact.contains("<a class=\"button\" href=\"\(Site.memberEditForm.path(c))\">Modifier la fiche</a>"))
        #expect(contact.contains("<details class=\"panel\" open>"), "the request form opens on an error")
    }
}
