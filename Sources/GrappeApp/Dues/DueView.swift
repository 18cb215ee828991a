import Foundation
import GrappeDomain

/// A due's page, drawn without a request: its amounts, payments and delay at `now`.
/// `staff`: the payment, cancellation and adjustment forms and the journal;
/// `dashboardLink`: whether the breadcrumb links to the year's dues (for who reads every company).
enum DueView {
    /// `bank` and `reference`: the cluster's bank details and the due's payment reference, shown
    /// while something remains to pay.
    static func render(_ l: DueController.Loaded, payments: [Payment], payment: FormState, adjust: FormState, trail: [AuditEntry],
                       staff: Bool, dashboardLink: Bool, now: Date, csrf: HTML,
                       bank: BankDetails = BankDetails(iban: "", bic: "", bankName: "", accountHolder: ""), reference: PaymentReference? = nil) -> HTML {
        let id = l.due.id!.uuidString
        let rows = payments.map { p -> HTML in
            let cancel: HTML = staff ? """
            <form method="post" action="\(Site.dueCancelPayment.path(id, p.id!))" class="inline" data-confirm="Annuler ce paiement ?">\(csrf)
            <input name="reason" required maxlength="500" placeholder="Motif" aria-label="Motif de l'annulation"> <button class="danger">Annuler</button></form>
            """ : .empty
            return "<tr><td>\(FrenchDate.long(p.paidOn))</td><td class=\"num\">\(Money.xpf(p.amount))</td><td>\(p.method.label)</td><td>\(p.reference.isEmpty ? "—" : p.reference)</td><td>\(cancel)</td></tr>"
        }
        let overdue = FrenchDate.days(from: l.due.dueOn, to: now)
        let paymentForm: HTML = staff && l.summary.balance > 0 ? """
        <h2>Enregistrer un paiement</h2>
        \(payment.summary)
        <form method="post" action="\(Site.duePay.path(id))" class="inline-form">\(csrf)
        \(Input.text("amount", "Montant (XPF)", payment, required: true, maxLength: 15))
        \(Input.text("paidOn", "Date", payment, type: "date", required: true))
        \(Input.select("method", "Mode", payment, options: PaymentChannels.desk.map { ($0.method.rawValue, $0.method.label) }))
        \(Input.text("reference", "Référence", payment, maxLength: 100))
        <button class="primary">Enregistrer le paiement</button>
        </form>
        """ : .empty
        let adjustForm: HTML = staff ? """
        <details\(HTML.flag(.open, !adjust.errors.isEmpty))><summary>Ajuster le montant</summary>
        <form method="post" action="\(Site.dueAdjust.path(id))" class="inline-form">\(csrf)
        \(Input.text("amount", "Nouveau montant (XPF)", FormState(values: adjust.values, errors: adjust.errors["adjustAmount"].map { ["amount": $0] } ?? [:]), required: true, maxLength: 15, id: "adjust-amount"))
        \(Input.text("reason", "Motif (conservé au journal)", adjust, required: true, maxLength: 500))
        <button>Ajuster</button>
        </form></details>
        """ : .empty
        return """
        \(UI.breadcrumbs([("Cotisations", dashboardLink ? "\(Site.duesDashboardIndex.path())?annee=\(l.due.year)" : nil), (l.company.name, Site.memberShow.path(l.company.id!)), (l.due.number, nil)]))
        <div class="page-head"><h1>Cotisation \(l.due.number)</h1>
        <div class="actions"><a class="button" href="\(Site.duePrintCall.path(id))">Appel de cotisation</a>
        \(l.summary.paid > 0 ? "<a class=\"button\" href=\"\(Site.duePrintReceipt.path(id))\">Reçu</a>" as HTML : .empty)</div></div>
        <p class="lead">\(l.company.name) · \(l.summary.isPaid ? UI.badge("Réglée", "ok") : UI.badge("Reste \(Money.xpf(l.summary.balance))", "warn"))
        \(!l.summary.isPaid && overdue > 0 ? "· échue depuis \(overdue) jour\(overdue > 1 ? "s" : "")" as HTML : .empty)</p>
        <dl class="details">
        <dt>Catégorie</dt><dd>\(l.due.category.label)</dd>
        <dt>Effectif retenu</dt><dd>\(l.due.headcount) salarié\(l.due.headcount > 1 ? "s" : "") (tranche \(l.due.bracketLabel))</dd>
        <dt>Barème</dt><dd>\(Money.xpf(l.due.baseAmount))</dd>
        <dt>Montant dû</dt><dd>\(Money.xpf(l.due.amount))</dd>
        <dt>Réglé</dt><dd>\(Money.xpf(l.summary.paid))</dd>
        <dt>Solde</dt><dd>\(Money.xpf(l.summary.balance))</dd>
        <dt>Émise le</dt><dd>\(FrenchDate.long(l.due.issuedOn))</dd>
        <dt>Échéance</dt><dd>\(FrenchDate.long(l.due.dueOn))</dd>
        <dt>Relances</dt><dd>\(l.due.reminderCount)\(l.due.lastRemindedAt.map { " (dernière le \(FrenchDate.long($0)))" } ?? "")</dd>
        \(reference.map { "<dt>Référence de paiement</dt><dd>\($0.description)</dd>" as HTML } ?? .empty)
        </dl>
        \(l.summary.balance > 0 && bank.isSet ? BankDetailsView.block(bank, reference: reference) : .empty)
        <h2>Paiements</h2>
        \(payments.isEmpty ? UI.emptyState("Aucun paiement enregistré.") : "<table class=\"list\"><thead><tr><th>Date</th><th class=\"num\">Montant</th><th>Mode</th><th>Référence</th><th><span class=\"visually-hidden\">Actions</span></th></tr></thead><tbody>\(rows)</tbody></table>")
        \(paymentForm)
        \(adjustForm)
        \(staff ? "<h2>Journal</h2>\(AuditViews.table(trail))" as HTML : .empty)
        """
    }
}
