import Fluent
import Foundation
import GrappeDomain

/// The fee schedule pages, drawn without a database: every year's schedule (with the staff's
/// edit links) and the form of one year's grid (`csrf` is the page's token field).
enum FeeScheduleView {
    /// The lines of the form per category; the controller reads as many back.
    static let rowsPerCategory = 8

    /// `next`: the year a new schedule would be created for.
    static func list(_ schedules: [FeeSchedule], next: Int, staff: Bool) -> HTML {
        let cards = schedules.map { s -> HTML in
            let lines = MembershipCategory.allCases.map { c -> HTML in
                let rows = s.brackets.filter { $0.category == c }.sorted { $0.minHeadcount < $1.minHeadcount }
                    .map { "<tr><td>\($0.domain.label)</td><td class=\"num\">\(Money.xpf($0.amount))</td></tr>" as HTML }
                return "<table class=\"list\"><caption>\(c.label)</caption><tbody>\(rows)</tbody></table>"
            }
            return """
            <section class="card"><h2>Barème \(s.year)</h2><p>Adhésion en cours d'année : \(s.proRataRule.label) · paiement à \(s.paymentDays) jours</p>
            \(lines)\(staff ? "<a class=\"button\" href=\"\(Site.feeScheduleEdit.path(s.year))\">Modifier</a>" as HTML : .empty)</section>
            """
        }
        return """
        \(UI.breadcrumbs([("Cotisations", Site.duesDashboardIndex.path()), ("Barèmes", nil)]))
        <div class="page-head"><h1>Barèmes de cotisation</h1>
        \(staff ? "<div class=\"actions\"><a class=\"button primary\" href=\"\(Site.feeScheduleEdit.path(next))\">Créer le barème \(next)</a></div>" as HTML : .empty)</div>
        \(cards.isEmpty ? UI.emptyState("Aucun barème.") : HTML.join(cards))
        """
    }

    /// The grid of a year: `form` holds the values typed and the errors.
    static func form(year: Int, form: FormState, csrf: HTML) -> HTML {
        let tables = MembershipCategory.allCases.map { c -> HTML in
            let rows = (0..<rowsPerCategory).map { i -> HTML in
                func input(_ part: String, _ label: String) -> HTML {
                    let name = "\(c.rawValue)_\(part)_\(i)"
                    return "<td><input name=\"\(name)\" value=\"\(form[name])\" inputmode=\"numeric\" maxlength=\"12\" aria-label=\"\(label) ligne \(i + 1)\"></td>"
                }
                return "<tr>\(input("min", "Effectif minimum"))\(input("max", "Effectif maximum"))\(input("amount", "Montant"))</tr>"
            }
            return """
            <table class="list grid-input"><caption>\(c.label)</caption>
            <thead><tr><th>De (salariés)</th><th>À (vide = et plus)</th><th>Montant (XPF)</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        }
        return """
        \(UI.breadcrumbs([("Cotisations", Site.duesDashboardIndex.path()), ("Barèmes", Site.feeScheduleIndex.path()), (String(year), nil)]))
        <h1>Barème \(year)</h1>
        <p>Chaque catégorie commence à 0 salarié ; les tranches se suivent sans trou ni chevauchement ; la dernière n'a pas de maximum. Les lignes vides sont ignorées.</p>
        \(form.summary)
        \(form.errors["grid"].map { HTML("<p class=\"flash flash-error\" role=\"alert\">\($0)</p>") })
        <form method="post" action="\(Site.feeScheduleSave.path(year))">\(csrf)
        \(Input.select("rule", "Adhésion en cours d'année", form, options: ProRataRule.allCases.map { ($0.rawValue, $0.label) }))
        \(Input.text("paymentDays", "Délai de paiement (jours)", form, type: "number", required: true, extra: " min=\"0\" max=\"365\""))
        <div class="two-cols">\(tables)</div>
        <button class="primary">Enregistrer le barème</button>
        </form>
        """
    }
}
