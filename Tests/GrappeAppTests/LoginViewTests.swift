import Foundation
import GrappeDomain
import Testing
@testable import GrappeApp

/// The sign-in pages drawn from their form state alone: no database, no request.
@Suite struct LoginViewTests {
    @Test func theLoginFormKeepsTheAddressAndTheReturnPath() {
        let state = FormState(values: ["email": "lea@<x>.nc", "retour": "/annuaire?q=\"a\""], errors: ["login": "Adresse e-mail ou mot de passe incorrect."])
        let html = LoginView.login(state, csrf: "<input name=\"_csrf\">").raw
        #expect(html.contains("<form method=\"post\" action=\"\(Site.loginLogin.path())\">\n<input name=\"_csrf\">"))
        #expect(html.contains("<input type=\"hidden\" name=\"retour\" value=\"/annuaire?q=&quot;a&quot;\">"))
        #expect(html.contains("value=\"lea@&lt;x&gt;.nc\"") && html.contains("role=\"alert\">Adresse e-mail ou mot de passe incorrect.</p>"))
        #expect(html.contains("href=\"\(Site.passwordResetRequestForm.path())\">Mot de passe oublié ?</a>"))
        #expect(!html.contains("enregistrement"), "a refused login saves nothing: no « Une erreur empêche l'enregistrement »")
    }

    @Test func theResetPagesPostToTheirLinks() {
        let request = LoginView.resetRequest(FormState(values: ["email": "lea@example.nc"]), csrf: .empty).raw
        #expect(request.contains("action=\"\(Site.passwordResetRequest.path())\"") && request.contains("value=\"lea@example.nc\""))
        let reset = LoginView.reset(token: "tok<1>", errors: ["confirmation": "Les deux saisies ne correspondent pas."], csrf: .empty).raw
        #expect(reset.contains("action=\"\(HTML.escape(Site.passwordResetReset.path("tok<1>")))\""))
        #expect(reset.contains("<p class=\"error\" id=\"confirmation-error\">Les deux saisies ne correspondent pas.</p>"))
        #expect(reset.contains("\(PasswordRule.minimumLength) caractères au moins.") && reset.contains("name=\"password\" type=\"password\" value=\"\""))
        #expect(LoginView.expired.raw.contains("<a href=\"\(Site.passwordResetRequestForm.path())\">Demandez-en un nouveau</a>"))
    }
}
