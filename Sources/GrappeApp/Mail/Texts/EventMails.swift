/// Event registrations: confirmed, waiting list, a freed seat, the reminder the day before.
enum EventMails {
    enum Moment: String, Sendable {
        case confirmed = "event_confirmation", waitlisted = "event_waitlist", promoted = "event_promotion", reminder = "event_reminder"
    }

    static func registration(_ moment: Moment, name: String, event: String, when: String, cancelLink: String, organisation: String) -> MailText {
        let (subject, text): (String, String)
        switch moment {
        case .waitlisted:
            (subject, text) = ("Liste d'attente : \(event)", "L'événement est complet : vous êtes sur la liste d'attente. Vous recevrez un message si une place se libère.")
        case .promoted:
            (subject, text) = ("Une place s'est libérée : \(event)", "Bonne nouvelle : une place s'est libérée, votre inscription est confirmée.")
        case .reminder:
            (subject, text) = ("Rappel : \(event)", "Nous vous attendons bientôt.")
        case .confirmed:
            (subject, text) = ("Inscription confirmée : \(event)", "Votre inscription est confirmée.")
        }
        return MailText(subject: subject,
                        body: "Bonjour \(name),\n\n\(text)\n\n\(event)\n\(when)\n\nSi vous ne pouvez plus venir, libérez votre place : \(cancelLink)\n\n\(organisation)",
                        kind: moment.rawValue)
    }
}
