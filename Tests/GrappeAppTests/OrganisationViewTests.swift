import Fluent
import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The settings page drawn from values in memory: no database, no request.
@Suite struct OrganisationViewTests {
    @Test func theFormKeepsTheValuesAndLinksTheOtherSettings() {
        var form = FormState(values: ["name": "OPEN <NC>", "email": "contact@open.nc"])
        form.errors["fullName"] = "Ce champ est obligatoire."
        let html = OrganisationView.settings(fields: OrganisationController.fields, form: form, csrf: "<input name=\"_csrf\">").raw
        #expect(html.contains("<form method=\"post\" action=\"\(Site.organisationSave.path())\" class=\"grid-form\"><input name=\"_csrf\">"))
        #expect(html.contains("<input id=\"name\" name=\"name\" type=\"text\" value=\"OPEN &lt;NC&gt;\" required maxlength=\"80\">"))
        #expect(html.contains("<input id=\"email\" name=\"email\" type=\"email\" value=\"contact@open.nc\""))
        #expect(html.contains("Ce champ est obligatoire.") && html.contains("Une erreur empêche l&#39;enregistrement"))
        #expect(html.contains("href=\"\(Site.accountsIndex.path())\">Comptes</a>") && html.contains("href=\"\(Site.apiTokenIndex.path())\">Jetons d'API</a>"))
    }
}
