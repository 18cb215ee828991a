import Fluent
import Foundation
import GrappeDomain

/// The public join pages, drawn without a database: what membership gives, the fee grid, the
/// form with its fee quote (`csrf` is the page's token field), and the thanks.
enum JoinView {
    /// The quote under the form: none yet, the year's schedule not published, or the amount.
    enum Quote: Sendable {
        case hidden
        case unpublished
        case amount(JoinQuote)
    }

    static func page(_ page: JoinPage, form: JoinForm, quote: Quote, csrf: HTML) -> HTML {
        let services = Charter.services.map { HTML("<li>\($0)</li>") }
        return """
        <h1>Adhérer à \(page.organisationName)</h1>
        <div class="columns">
        <section><h2>Ce que comprend votre cotisation</h2><ul>\(services)</ul></section>
        <section>\(gridTable(page.grid, year: page.year))</section>
        </div>
        <h2>Demande d'adhésion</h2>
        <p>Le bureau étudie chaque demande. Une fois acceptée, le titulaire reçoit un accès à l'espace adhérent et l'appel de cotisation.</p>
        \(self.form(form, domains: page.domains, quote: quoteBox(quote, year: page.year), csrf: csrf))
        """
    }

    static func quoteBox(_ quote: Quote, year: Int) -> HTML {
        switch quote {
        case .hidden:
            return .empty
        case .unpublished:
            return "<div class=\"panel\" role=\"status\"><p>Le barème \(year) n'est pas encore publié : l'équipe vous indiquera le montant de la cotisation.</p></div>"
        case .amount(let quote):
            return """
            <div class="panel quote" role="status"><p>Votre cotisation \(year) : <strong>\(UI.xpf(quote.amount))</strong></p>
            <p class="muted">\(quote.bracketLabel) : \(Money.xpf(quote.yearly)) par an\(quote.prorated ? ", au prorata des trimestres restants de l'année" : "").
            L'appel de cotisation vous est envoyé quand la demande est acceptée.</p></div>
            """
        }
    }

    static func gridTable(_ grid: FeeGrid?, year: Int) -> HTML {
        guard let grid else { return .empty }
        let sections = MembershipCategory.allCases.map { category -> HTML in
            let rows = grid.lines(for: category).map { HTML("<tr><td>\($0.label)</td><td class=\"num\">\(Money.xpf($0.amount))</td></tr>") }
            return "<table class=\"list compact\"><caption>\(category.label)</caption><tbody>\(rows)</tbody></table>"
        }
        return "<h2>Barème \(year)</h2><div class=\"columns\">\(sections)</div>"
    }

    /// The form with what was typed, the errors beside their fields, and `quote` above the buttons.
    static func form(_ form: JoinForm, domains: [CompetenceDomain], quote: HTML, csrf: HTML) -> HTML {
        let s = form.state()
        let errors = form.errors
        let domainBoxes = domains.map { domain -> HTML in
            "<label class=\"chip\"><input type=\"checkbox\" name=\"domains[]\" value=\"\(domain.name)\"\(HTML.flag(.checked, form.company.domains.contains(domain.name)))> \(domain.name)</label>"
        }
        let commitments = Charter.commitments.enumerated().map { index, text in
            Input.checkbox("c\(index)", text, checked: form.accepted[index])
        }
        return """
        \(s.summary)
        <form method="post" action="\(Site.joinSubmit.path())" class="grid-form">
        \(csrf)
        \(PublicFormGuard.field)
        <fieldset><legend>L'entreprise</legend>
        \(Input.text("name", "Nom usuel", s, required: true, maxLength: 120))
        \(Input.text("legalName", "Raison sociale", s, maxLength: 160))
        \(Input.text("ridet", "RIDET", s, required: true, maxLength: 14, hint: "1234567.001"))
        \(Input.text("headcount", "Effectif (salariés)", s, type: "number", required: true, extra: " min=\"0\" max=\"100000\""))
        \(Input.select("category", "Catégorie d'adhésion", s, options: MembershipCategory.allCases.map { ($0.rawValue, $0.label) }, required: true, blank: "Choisir…"))
        \(Input.text("address", "Adresse", s, maxLength: 300))
        \(Input.select("commune", "Commune", s, options: Communes.inFrenchOrder.map { ($0, $0) }, required: true, blank: "Choisir…"))
        \(Input.text("website", "Site web", s, type: "url", maxLength: 300))
        \(Input.text("email", "E-mail de l'entreprise", s, type: "email", maxLength: 254))
        \(Input.text("phone", "Téléphone", s, type: "tel", maxLength: 25))
        \(Input.textarea("description", "Activité (quelques lignes pour l'annuaire)", s, maxLength: 4000))
        </fieldset>
        <fieldset class="\(errors["domains"] != nil ? "has-error" : "")"><legend>Domaines de compétence *</legend>
        <div class="chips">\(domainBoxes)</div>
        \(errors["domains"].map { HTML("<p class=\"error\">\($0)</p>") })
        </fieldset>
        <fieldset><legend>Le titulaire de l'adhésion</legend>
        \(Input.text("p_firstName", "Prénom", s, required: true, maxLength: 80))
        \(Input.text("p_lastName", "Nom", s, required: true, maxLength: 80))
        \(Input.text("p_email", "E-mail", s, type: "email", required: true, maxLength: 254))
        \(Input.text("p_phone", "Téléphone", s, type: "tel", maxLength: 25))
        \(Input.text("p_role", "Fonction", s, maxLength: 80))
        \(Input.select("p_gender", "Genre (facultatif, pour nos statistiques)", s, options: [("female", "Femme"), ("male", "Homme"), ("other", "Autre")], blank: "Ne pas répondre"))
        </fieldset>
        <fieldset class="\(errors["commitments"] != nil ? "has-error" : "")"><legend>La charte : les adhérents s'engagent à</legend>
        \(commitments)
        \(errors["commitments"].map { HTML("<p class=\"error\">\($0)</p>") })
        \(Input.checkbox("publicProfile", Consent.directoryWording, checked: form.company.publicProfile))
        </fieldset>
        \(quote)
        <div class="actions"><button name="step" value="preview" class="secondary">Calculer ma cotisation</button>
        <button name="step" value="send" class="primary">Envoyer ma demande d'adhésion</button></div>
        </form>
        """
    }

    /// `application`: the one this visitor just sent, if the session still knows it.
    static func thanks(_ application: MembershipApplication?) -> HTML {
        let summary: HTML = application.map { a -> HTML in
            """
            <p>Nous avons bien reçu la demande de <strong>\(a.companyName)</strong>. Un accusé de réception a été envoyé à \(a.email).</p>
            <p>Cotisation \(a.year) indiquée : \(a.feeQuoted > 0 ? UI.xpf(a.feeQuoted) : "à préciser par l'équipe").</p>
            """
        } ?? .empty
        return """
        <section class="narrow"><h1>Merci !</h1>\(summary)
        <p>Le bureau étudie chaque demande et vous répond par e-mail.</p>
        <p><a href="\(Site.directoryIndex.path())">Découvrir l'annuaire</a> · <a href="\(Site.eventIndex.path())">Nos prochains événements</a></p></section>
        """
    }
}
