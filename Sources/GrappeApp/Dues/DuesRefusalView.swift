import Foundation
import GrappeDomain

/// The page shown when a service reserved to members up to date with their dues is refused:
/// what is reserved, why this company is not up to date, and the due to settle.
enum DuesRefusalView {
    static func render(service: String, verdict: DuesStanding.Verdict, graceDays: Int) -> HTML {
        let why: HTML
        switch verdict {
        case .upToDate:
            why = .empty
        case .noMembership:
            why = "<p>Votre entreprise n'a pas d'adhésion active pour cette année ou l'année dernière. <a href=\"\(Site.joinForm.path())\">Adhérer</a></p>"
        case let .overdue(year, dueID, dueOn, balance):
            let grace: HTML = graceDays > 0 ? " (délai de grâce de \(French.count(graceDays, "jour", "jours")) écoulé)" : ""
            let link: HTML = dueID.map { "<p><a class=\"button primary\" href=\"\(Site.dueShow.path($0))\">Voir la cotisation \(year)</a></p>" } ?? .empty
            why = "<p>La cotisation \(year) de votre entreprise était à régler au plus tard le \(FrenchDate.long(dueOn))\(grace) ; reste à régler : \(Money.xpf(balance)).</p>\(link)"
        }
        return """
        <h1>Accès réservé</h1>
        <p class="flash flash-error">\(service) est réservé aux adhérents à jour de leur cotisation.</p>
        \(why)
        """
    }
}
