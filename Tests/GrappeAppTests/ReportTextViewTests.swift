import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// A report text's editing page drawn from its versions in memory: no database, no request.
@Suite struct ReportTextViewTests {
    static let now = FrenchDate.make(2027, 2, 10)

    static func version(_ n: Int, year: Int = 2026, author: String?) -> ReportText {
        let t = ReportText(organisationID: UUID(), year: year, kind: .networks, version: n, body: "Texte \(n)", authorID: nil)
        t.id = UUID()
        t.createdAt = FrenchDate.make(2027, 1, n)
        t.$author.value = .some(author.map { User(organisationID: UUID(), email: "a@b.example", passwordHash: "", role: .staff, displayName: $0) })
        return t
    }

    @Test func theVersionsAreListedAndAnOlderOneIsFlagged() {
        let v2 = Self.version(2, author: "Marie <L>"), v1 = Self.version(1, author: nil)
        let page = ReportTextPage(year: 2026, kind: .networks, versions: [v2, v1], current: v2, shown: v1)
        let html = ReportTextView.edit(page, form: FormState(values: ["body": "</textarea><b>"]), now: Self.now, csrf: "<input name=\"_csrf\">").raw
        #expect(html.contains("<h1>Influence et réseaux — rapport 2026</h1>"))
        #expect(html.contains("Vous lisez la version 1. L'enregistrer en fait la version courante."))
        #expect(html.contains("<li><a href=\"\(Site.reportTextEdit.path(2026, "networks"))?version=2\">Version 2</a> — samedi 2 janvier 2027, Marie &lt;L&gt;</li>"))
        #expect(html.contains("&lt;/textarea&gt;&lt;b&gt;</textarea>") && html.contains("maxlength=\"\(ReportTextPage.maxLength)\""))
        #expect(html.contains("action=\"\(Site.reportTextSave.path(2026, "networks"))\"><input name=\"_csrf\">"))
        #expect(html.contains("href=\"\(Site.reportPreview.path(2026))#reseaux\""))
    }

    @Test func aCarriedOverTextSaysWhereItComesFrom() {
        let old = Self.version(4, year: 2024, author: nil)
        let html = ReportTextView.edit(ReportTextPage(year: 2026, kind: .networks, versions: [], current: old, shown: old),
                                       form: FormState(), now: Self.now, csrf: .empty).raw
        #expect(html.contains("Texte repris de 2024 : l'enregistrer en fait la version 2026."))
        #expect(html.contains("Aucune version pour 2026."))
        #expect(!ReportTextView.edit(ReportTextPage(year: 2026, kind: .edito, versions: [], current: nil, shown: nil), form: FormState(), now: Self.now, csrf: .empty)
            .raw.contains("flash-info"))
    }
}
