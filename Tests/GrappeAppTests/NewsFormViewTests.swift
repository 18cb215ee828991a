import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The news form drawn from values in memory: no database, no request.
@Suite struct NewsFormViewTests {
    @Test func theStaffPublishAtOnce() {
        let html = NewsFormView.render(title: "Publier une actualité", action: Site.newsFormCreate.path(), form: FormState(values: ["title": "Atelier <IA>"]),
                                       companies: [], staff: true, csrf: "<input name=\"_csrf\">").raw
        #expect(html.contains("<form method=\"post\" action=\"\(Site.newsFormCreate.path())\" class=\"stack\"><input name=\"_csrf\">"))
        #expect(html.contains("<a href=\"\(Site.newsIndex.path())\">Actualités</a>") && html.contains("<h1>Publier une actualité</h1>"))
        #expect(html.contains("value=\"Atelier &lt;IA&gt;\"") && html.contains("<button class=\"primary\">Publier</button>"))
        #expect(!html.contains("name=\"companyID\"") && !html.contains("relue par l'équipe"))
    }

    @Test func aMemberContactChoosesTheirCompanyAndIsToldOfTheReview() {
        let mine = Company(organisationID: UUID(), slug: "skazy"), other = Company(organisationID: UUID(), slug: "acme")
        mine.id = UUID(); mine.name = "Skazy <SAS>"
        other.id = UUID(); other.name = "Acme"
        var form = FormState(values: ["title": "", "body": "Court", "companyID": mine.id!.uuidString])
        form.errors["title"] = "Le titre est obligatoire."
        let html = NewsFormView.render(title: "Modifier l'actualité", action: Site.newsFormUpdate.path("atelier-ia"), form: form,
                                       companies: [mine, other], staff: false, csrf: .empty).raw
        #expect(html.contains("<h1>Modifier l&#39;actualité</h1>") && html.contains("action=\"\(Site.newsFormUpdate.path("atelier-ia"))\""))
        #expect(html.contains("<option value=\"\(mine.id!.uuidString)\" selected>Skazy &lt;SAS&gt;</option><option value=\"\(other.id!.uuidString)\">Acme</option>"))
        #expect(html.contains("<p>Votre actualité (nouveau produit, recrutement, succès…) est relue par l'équipe avant publication.</p>"))
        #expect(html.contains("<p class=\"error\" id=\"title-error\">Le titre est obligatoire.</p>") && html.contains(">Court</textarea>"))
        #expect(html.contains("<button class=\"primary\">Envoyer pour relecture</button>"))
    }
}
