import Fluent
import Foundation

/// The 2025 report's words and hand-entered figures: the president's édito, the history, the
/// networks, the thanks, and the communication figures Grappe cannot count (followers, articles).
enum DemoReport {
    static let edito = """
    2025 a été une année de reconstruction pragmatique et lucide. Une année où OPEN a fait des choix, tenu ses engagements essentiels, et retrouvé une trajectoire financière saine.

    Afin de pallier des recettes en baisse, liées aux émeutes, nous avons dû réduire les événements que nous réalisons : certains rendez-vous habituels – le Croissant Numérique, l'Open Lunch – n'ont pas eu lieu. C'était un passage obligatoire pour renforcer nos fondations dans le but de redécoller en 2026.

    Nos quatre commissions ont continué à tourner à plein régime, avec **1 500 heures de bénévolat** – un niveau équivalent à 2024. La commission DATA et la commission IA ont fusionné : un regroupement qui donnera plus de lisibilité à nos travaux sur l'intelligence artificielle. La commission Numérique Inclusif et Durable est celle qui monte le plus vite en puissance.

    Les quatre événements structurants de l'année parlent d'eux-mêmes : le Hackagou a signé sa 4e édition avec un record de participation ; la Grande Collecte Numérique est revenue après une pause forcée en 2024 avec plus de 900 matériels collectés ; les Tremplins du Numérique ont atteint leur terme avec 1 640 sensibilisations ; et nous avons participé à la Semaine du Numérique 2025.

    Nos relations avec les institutions restent un actif que nous devons continuer à entretenir. Le numérique ne peut pas être absent des réflexions sur la relance économique du territoire. Nous avons été à la table, et nous devons y rester.

    2026 a une feuille de route claire : renouer avec des rendez-vous réguliers pour nos adhérents, lancer NumériBoost en 2e édition, poursuivre la Grande Collecte, déployer le projet NuméRaï avec le Collectif Handicaps, et porter le Hackagou vers une 5e édition.

    À vous toutes et tous – adhérents, administrateurs, permanentes, partenaires – merci. OPEN, c'est vous. OPEN, c'est nous.

    **Sylvester SCHORGEN**, président
    """

    static let history = """
    À l'origine sous le nom de Think It, OPEN est né en février 2015, sous l'impulsion de 20 entreprises œuvrant dans le numérique en Nouvelle-Calédonie. C'est en 2017 que le cluster prend le nom d'OPEN pour Organisation des Professionnels de l'Économie Numérique, en accord avec le cluster du même nom en Polynésie française.

    Ce groupement a été créé sous la forme d'une association loi 1901 dans le but de faire la promotion de l'activité numérique localement, ainsi que de développer les intérêts généraux des membres de la grappe et plus largement de la filière.

    **Nos missions** : créer des synergies, des projets, des vocations ; structurer durablement la filière numérique calédonienne.
    """

    static let networks = """
    Depuis 2022, nous tenons des réunions mensuelles avec le Gouvernement de la Nouvelle-Calédonie pour discuter ensemble des actualités et des problématiques rencontrées. L'année a aussi été rythmée par des rencontres avec la province Sud et le vice-rectorat.

    OPEN est adhérent du cluster **NCT&I** (New Caledonia Trade & Invest), qui accompagne les entreprises calédoniennes à l'export, et membre de **France IT** depuis 7 ans.
    """

    static let thanks = """
    C'est grâce à votre mobilisation qu'OPEN NC est devenu un acteur important de la filière numérique calédonienne. Souvent sollicités, vous répondez présents, impliqués et motivés à faire progresser ensemble le numérique localement. Nous vous en remercions.
    """

    static let figures: [(String, CommunicationFigure.Metric, Int, String)] = [
        ("Facebook", .followers, 1505, "Statistiques de la page Facebook OPEN.NC au 31 décembre 2025"),
        ("LinkedIn", .followers, 2408, "Statistiques de la page LinkedIn OPEN-NOUVELLE-CALEDONIE au 31 décembre 2025"),
        ("Site www.open.nc", .articles, 6, "Articles publiés sur le site en 2025 (décompte de l'équipe)"),
    ]

    static func load(organisationID orgID: UUID, on db: any Database) async throws {
        let manager = try await User.query(on: db).filter(\.$email == DemoData.managerEmail).first()
        for (kind, body) in [(ReportText.Kind.edito, edito), (.history, history), (.networks, networks), (.thanks, thanks)] {
            try await ReportText(organisationID: orgID, year: 2025, kind: kind, version: 1, body: body, authorID: manager?.id).create(on: db)
        }
        for (channel, metric, value, source) in figures {
            try await CommunicationFigure(organisationID: orgID, year: 2025, channel: channel, metric: metric, value: value, source: source).create(on: db)
        }
    }
}
