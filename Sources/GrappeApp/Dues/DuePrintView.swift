import GrappeDomain
import Vapor

/// The printable call for dues and receipt, laid out for A4 with the cluster's details.
enum DuePrintView {
    static func letterhead(_ org: OrganisationProfile) -> HTML {
        """
        <header class="letterhead"><strong>\(org.fullName)</strong><br>\(org.address)<br>\(org.email) · \(org.phone) · \(org.website)</header>
        """
    }

    static func recipient(_ l: DueController.Loaded) -> HTML {
        """
        <address class="recipient">\(recipientLines(l).map { "\($0)" as HTML }.joined(separator: "<br>"))</address>
        """
    }

    static func recipientLines(_ l: DueController.Loaded) -> [String] {
        [l.company.legalName.isEmpty ? l.company.name : l.company.legalName,
         l.holder.map { "À l'attention de \($0.fullName)" } ?? "", l.company.address, l.company.commune,
         l.company.ridet.map { "RIDET \($0)" } ?? ""].filter { !$0.isEmpty }
    }

    /// `bank`: the cluster's bank details, printed with the due's payment reference.
    static func call(_ l: DueController.Loaded, org: OrganisationProfile, bank: BankDetails = BankDetails(iban: "", bic: "", bankName: "", accountHolder: "")) -> HTML {
        let reference = l.due.paymentReference(org)
        return """
        <article class="printable">
        <p class="no-print"><button class="print">Imprimer</button></p>
        \(letterhead(org))
        \(recipient(l))
        <h1>Appel de cotisation \(l.due.year) — n° \(l.due.number)</h1>
        <p>Nouméa, le \(FrenchDate.long(l.due.issuedOn))</p>
        <table class="list"><thead><tr><th>Désignation</th><th class="num">Montant</th></tr></thead><tbody>
        <tr><td>Cotisation \(l.due.year) — adhérent \(l.due.category.label.lowercased()), \(l.due.bracketLabel) (effectif déclaré : \(l.due.headcount))</td><td class="num">\(Money.xpf(l.due.baseAmount))</td></tr>
        \(l.due.amount != l.due.baseAmount ? "<tr><td>Ajustement (prorata ou décision du bureau)</td><td class=\"num\">\(Money.xpf(l.due.amount - l.due.baseAmount))</td></tr>" as HTML : .empty)
        \(l.summary.paid > 0 ? "<tr><td>Déjà réglé</td><td class=\"num\">-\(Money.xpf(l.summary.paid))</td></tr>" as HTML : .empty)
        </tbody><tfoot><tr><th>Reste à régler</th><th class="num">\(Money.xpf(l.summary.balance))</th></tr></tfoot></table>
        <p>À régler avant le <strong>\(FrenchDate.long(l.due.dueOn))</strong> par virement, chèque à l'ordre de \(org.name), espèces ou carte. Merci de rappeler la référence \(reference?.description ?? l.due.number).</p>
        \(BankDetailsView.block(bank, reference: reference))
        <p>Association loi 1901 — cotisation non soumise à TGC.</p>
        </article>
        """
    }

    static func receipt(_ l: DueController.Loaded, payments: [Payment], org: OrganisationProfile, today: Date) -> HTML {
        let rows = payments.map { p -> HTML in
            "<tr><td>\(FrenchDate.long(p.paidOn))</td><td>\(p.method.label)\(p.reference.isEmpty ? "" : " — réf. \(p.reference)")</td><td class=\"num\">\(Money.xpf(p.amount))</td></tr>"
        }
        return """
        <article class="printable">
        <p class="no-print"><button class="print">Imprimer</button></p>
        \(letterhead(org))
        \(recipient(l))
        <h1>Reçu de cotisation \(l.due.year) — n° \(l.due.number)</h1>
        <p>\(org.fullName) reconnaît avoir reçu de \(l.company.legalName.isEmpty ? l.company.name : l.company.legalName) les sommes suivantes au titre de la cotisation \(l.due.year) :</p>
        <table class="list"><thead><tr><th>Date</th><th>Mode</th><th class="num">Montant</th></tr></thead><tbody>\(rows)</tbody>
        <tfoot><tr><th colspan="2">Total reçu</th><th class="num">\(Money.xpf(l.summary.paid))</th></tr>
        <tr><th colspan="2">Montant de la cotisation</th><th class="num">\(Money.xpf(l.due.amount))</th></tr>
        <tr><th colspan="2">\(l.summary.isPaid ? "Cotisation intégralement réglée" : "Reste à régler")</th><th class="num">\(Money.xpf(max(0, l.summary.balance)))</th></tr></tfoot></table>
        <p>Fait à Nouméa, le \(FrenchDate.long(today)).</p>
        <p class="signature">Pour \(org.name), \(org.managerName)</p>
        </article>
        """
    }
}
