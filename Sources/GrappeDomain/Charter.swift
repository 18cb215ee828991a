/// The charter's three commitments, which an applicant accepts one by one, and the services
/// included in the membership fee (the seed's « Votre cotisation »).
public enum Charter {
    public static let commitments = [
        "Respecter les autres membres.",
        "Travailler de manière collaborative en apportant une contribution loyale.",
        "Échanger et communiquer en toute transparence.",
    ]

    public static let services = [
        "Participation aux AG, réunions plénières",
        "Participation aux animations : croissant numérique, afterwork…",
        "Possibilité d'intégrer une commission pour réaliser des projets concrets",
        "Mise en relation",
        "Communication sur votre actualité ou vos recherches de compétences",
        "Accès au vivier de candidatures libres",
        "Présentation de vos offres d'emploi et de stage sur notre site",
        "Newsletters",
        "Publication de votre fiche entreprise sur notre site",
    ]
}
