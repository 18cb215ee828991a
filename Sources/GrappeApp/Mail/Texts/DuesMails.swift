import Foundation
import GrappeDomain

/// Dues: the reminder of an unpaid balance.
enum DuesMails {
    /// `payment`: how to pay (`BankDetailsView.mailText`: the bank details and the due's reference).
    static func reminder(holder: String?, company: String, year: Int, number: String, balance: Int, dueOn: Date, link: String, payment: String,
                         organisation: OrganisationProfile) -> MailText {
        MailText(subject: "Relance : cotisation \(year) \(organisation.name) (\(number))", body: """
            Bonjour\(holder.map { " " + $0 } ?? ""),

            Sauf erreur de notre part, la cotisation \(year) de \(company) (n° \(number)) n'est pas encore entièrement réglée.
            Reste à régler : \(Money.xpf(balance)), échéance du \(FrenchDate.long(dueOn)).

            \(payment)

            L'appel de cotisation est disponible dans votre espace : \(link)

            Si vous avez réglé entre-temps, merci de ne pas tenir compte de ce message.

            \(organisation.managerName)
            \(organisation.name) — \(organisation.email) — \(organisation.phone)
            """, kind: "dues_reminder")
    }
}
