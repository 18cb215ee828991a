import Foundation
import GrappeDomain

/// The diagnostic's emails: the request received (business and staff), the appointment set,
/// moved or cancelled (business and advisor, with the invitation), and the reminder.
enum DiagnosticMails {
    static func requestReceived(contact: String, company: String, slots: [Date], organisation: String) -> MailText {
        let list = slots.map { "- \(FrenchDate.long($0)) à \(FrenchDate.clock($0))" }.joined(separator: "\n")
        return MailText(subject: "Votre demande de diagnostic numérique",
                        body: "Bonjour \(contact),\n\nNous avons bien reçu la demande de diagnostic de maturité numérique de \(company). Les créneaux proposés :\n\(list)\n\nL'équipe vous confirme le rendez-vous (une heure) par e-mail, avec une invitation pour votre agenda.\n\n\(organisation)",
                        kind: "diagnostic_request")
    }

    static func requestNotice(company: String, commune: String, link: String) -> MailText {
        MailText(subject: "Nouvelle demande de diagnostic : \(company)",
                 body: "\(company) (\(commune)) demande un diagnostic de maturité numérique.\n\nPlanifier le rendez-vous : \(link)",
                 kind: "diagnostic_request_notice")
    }

    enum Moment { case planned, moved, cancelled, reminder }

    /// `interviewLink`: for the advisor, the interview's page, filled in during the appointment.
    static func appointment(_ moment: Moment, name: String, company: String, start: Date, advisor: String, organisation: String,
                            interviewLink: String? = nil) -> MailText {
        let when = "\(FrenchDate.long(start)) à \(FrenchDate.clock(start))"
        let (subject, intro): (String, String) = switch moment {
        case .planned: ("Diagnostic numérique : rendez-vous le \(FrenchDate.long(start))",
                        "Le diagnostic de maturité numérique de \(company) est fixé au \(when), pour une heure, avec \(advisor).")
        case .moved: ("Diagnostic numérique : rendez-vous déplacé au \(FrenchDate.long(start))",
                      "Le diagnostic de maturité numérique de \(company) est déplacé au \(when), pour une heure, avec \(advisor).")
        case .cancelled: ("Diagnostic numérique : rendez-vous annulé",
                          "Le diagnostic de maturité numérique de \(company) prévu le \(when) est annulé.")
        case .reminder: ("Rappel : diagnostic numérique demain",
                         "Rappel : le diagnostic de maturité numérique de \(company) a lieu demain, \(when), avec \(advisor).")
        }
        let calendar = moment == .reminder ? "" : "\n\nL'invitation jointe met à jour votre agenda."
        let interview = interviewLink.map { moment == .cancelled ? "" : "\n\nVous remplirez l'entretien en ligne pendant le rendez-vous, connecté à votre compte : \($0)" } ?? ""
        return MailText(subject: subject, body: "Bonjour \(name),\n\n\(intro)\(calendar)\(interview)\n\n\(organisation)", kind: "diagnostic_appointment")
    }

    static func results(contact: String, company: String, link: String, organisation: String) -> MailText {
        MailText(subject: "Les résultats de votre diagnostic numérique",
                 body: "Bonjour \(contact),\n\nMerci pour l'entretien. Les résultats du diagnostic de maturité numérique de \(company) sont prêts : vos scores sur les six dimensions, votre niveau, le plan d'actions recommandé et l'estimation de l'aide de la province Sud, avec un PDF à joindre à votre dossier.\n\nVotre lien personnel (ne le transférez qu'aux personnes concernées) :\n\(link)\n\n\(organisation)",
                 kind: "diagnostic_results")
    }
}
