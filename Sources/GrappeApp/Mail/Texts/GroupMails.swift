/// Closed clubs: a request to join, to the leads, and their decision, to the person.
enum GroupMails {
    static func clubRequest(person: String, group: String, message: String, link: String, organisation: String) -> MailText {
        MailText(subject: "\(group) : demande d'adhésion de \(person)",
                 body: "Bonjour,\n\n\(person) demande à rejoindre le \(group).\(message.isEmpty ? "" : "\n\nSon message :\n\(message)")\n\nAccepter ou refuser : \(link)\n\n\(organisation)",
                 kind: "club_request")
    }

    static func clubDecision(accepted: Bool, person: String, group: String, link: String, organisation: String) -> MailText {
        let body = accepted
            ? "Bonjour \(person),\n\nVotre demande est acceptée : vous faites désormais partie du \(group).\n\(link)\n\n\(organisation)"
            : "Bonjour \(person),\n\nLes responsables du \(group) n'ont pas donné suite à votre demande. N'hésitez pas à les contacter pour en savoir plus.\n\n\(organisation)"
        return MailText(subject: "\(group) : votre demande", body: body, kind: "club_decision")
    }
}
