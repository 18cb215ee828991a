import GrappeDomain

/// The general assembly's convocation, to each membership holder.
enum AssemblyMails {
    static func convocation(holder: String, company: String, event: String, when: String, year: Int, maxProxies: Int,
                            link: String, organisation: String) -> MailText {
        let title = event.lowercased().hasPrefix("assemblée") ? event : "assemblée générale : \(event)"
        return MailText(subject: "Convocation : \(event)", body: """
            Bonjour \(holder),

            En tant que titulaire de l'adhésion de \(company), vous êtes convoqué(e) à l'\(title), le \(when).

            Seuls les adhérents à jour de leur cotisation \(year) prennent part aux votes. Si vous ne pouvez pas venir, vous pouvez donner pouvoir à un autre adhérent présent (\(French.count(maxProxies, "pouvoir", "pouvoirs")) au plus par adhérent).

            Inscription : \(link)

            \(organisation)
            """, kind: "assembly_convocation")
    }
}
