import Foundation
import GrappeDomain

/// The sign-in pages, drawn without a request: the login form and the password reset's three
/// pages (ask for a link, choose a password, link no longer valid). `csrf` is the page's token field.
enum LoginView {
    /// `state` keeps the address typed, the page to return to, and the refusal (`login`).
    static func login(_ state: FormState, csrf: HTML) -> HTML {
        """
        <section class="narrow">
        <h1>Connexion</h1>
        \(state.errors["login"].map { HTML("<p class=\"flash flash-error\" role=\"alert\">\($0)</p>") })
        <form method="post" action="\(Site.loginLogin.path())">
        \(csrf)
        <input type="hidden" name="retour" value="\(state["retour"])">
        \(Input.text("email", "Adresse e-mail", state, type: "email", required: true, maxLength: 254, extra: " autocomplete=\"email\""))
        <div class="field"><label for="password">Mot de passe *</label>
        <input id="password" name="password" type="password" required maxlength="200" autocomplete="current-password"></div>
        <button class="primary">Se connecter</button>
        </form>
        <p><a href="\(Site.passwordResetRequestForm.path())">Mot de passe oublié ?</a></p>
        </section>
        """
    }

    static func resetRequest(_ state: FormState, csrf: HTML) -> HTML {
        """
        <section class="narrow">
        <h1>Mot de passe oublié</h1>
        <p>Indiquez l'adresse de votre compte : si elle est connue, un lien pour choisir un nouveau mot de passe vous sera envoyé (valable une heure).</p>
        \(state.summary)
        <form method="post" action="\(Site.passwordResetRequest.path())">
        \(csrf)
        \(Input.text("email", "Adresse e-mail", state, type: "email", required: true, maxLength: 254))
        <button class="primary">Recevoir le lien</button>
        </form>
        </section>
        """
    }

    /// `token`: the secret of the link, which the form posts back to. The passwords typed are
    /// never shown again, only their errors.
    static func reset(token: String, errors: [String: String], csrf: HTML) -> HTML {
        let state = FormState(errors: errors)
        return """
        <section class="narrow">
        <h1>Choisir un mot de passe</h1>
        \(state.summary)
        <form method="post" action="\(Site.passwordResetReset.path(token))">
        \(csrf)
        \(Input.text("password", "Nouveau mot de passe", state, type: "password", required: true, maxLength: 200, hint: "\(PasswordRule.minimumLength) caractères au moins."))
        \(Input.text("confirmation", "Confirmation", state, type: "password", required: true, maxLength: 200))
        <button class="primary">Enregistrer</button>
        </form>
        </section>
        """
    }

    static let expired: HTML = """
        <section class="narrow"><h1>Lien expiré ou déjà utilisé</h1>
        <p>Ce lien n'est plus valable. <a href="\(Site.passwordResetRequestForm.path())">Demandez-en un nouveau</a>.</p></section>
        """
}
