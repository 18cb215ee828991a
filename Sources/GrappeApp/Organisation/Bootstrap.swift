import Fluent
import Vapor

/// What a fresh database needs before anything else: its schema and the organisation record.
enum Bootstrap {
    static func migrate(_ app: Application) async throws {
        try await quietly(app) { try await app.autoMigrate() }
        if try await Organisation.query(on: app.db).count() == 0 {
            try await app.db.transaction { db in
                let org = OrganisationDefaults.openNC()
                try await org.create(on: db)
                for name in OrganisationDefaults.domains {
                    try await CompetenceDomain(organisationID: try org.requireID(), name: name).create(on: db)
                }
                try await DiagnosticDefaults.seed(organisationID: try org.requireID(), on: db)
            }
        }
        app.forgetOrganisation()
    }

    /// Run by `serve`: migrate, load the demo data into an empty database (unless GRAPPE_DEMO=0)
    /// and say where to log in.
    static func prepareServe(_ app: Application) async throws {
        try await migrate(app)
        if app.config.demo, try await DemoData.load(app) {
            app.logger.notice("Données de démonstration d'OPEN NC chargées.")
        }
        let console = app.console
        console.print("Grappe écoute sur \(app.baseURL)")
        if try await User.query(on: app.db).filter(\.$email == DemoData.managerEmail).first() != nil {
            printLogins(app, console: console)
        } else if try await User.query(on: app.db).count() == 0 {
            console.print("Aucun compte : créez-en un avec `swift run grappe create-admin VOTRE@EMAIL`.")
        }
    }

    /// Runs `work` with the application's logger at `notice` unless `LOG_LEVEL` or `--log` set a
    /// level: the migrator's thirty-odd lines would scroll the start-up's login details away.
    static func quietly(_ app: Application, _ work: () async throws -> Void) async throws {
        let asked = Environment.get("LOG_LEVEL") != nil || app.environment.arguments.contains("--log")
        guard !asked, app.logger.logLevel < .notice else { return try await work() }
        let level = app.logger.logLevel
        app.logger.logLevel = .notice
        defer { app.logger.logLevel = level }
        try await work()
    }

    static func printLogins(_ app: Application, console: any Console) {
        console.print("Connexion : \(app.baseURL)\(Site.loginForm.path())")
        console.print("  équipe (manager)  : \(DemoData.managerEmail) / \(DemoData.password)")
        console.print("  administrateur    : \(DemoData.boardEmail) / \(DemoData.password)")
        console.print("  contact adhérent  : \(DemoData.memberEmail) / \(DemoData.password)")
        console.print("  association       : \(DemoCollecte.charityEmail) / \(DemoData.password)")
        console.print("  joueur Hackagou   : \(DemoHackagou.playerEmail) / \(DemoData.password) (défis sur \(Site.ctfPlay.path()))")
        console.print("Hackagou 2026 est en cours : inscrivez une équipe sur \(app.baseURL)\(Site.ctfRegisterForm.path(2026)) et jouez aussitôt.")
    }
}

enum OrganisationDefaults {
    static func openNC() -> Organisation {
        Organisation(slug: "open-nc", name: "OPEN NC",
                     fullName: "Organisation des Professionnels de l'Économie Numérique de Nouvelle-Calédonie",
                     address: "Nouméa, Nouvelle-Calédonie", email: "contact@open.nc", phone: "73.11.60",
                     website: "www.open.nc", managerName: "Margaux LOCHE",
                     statutes: "Association loi 1901. Conseil d'administration : article 10 des statuts. Bureau : article 11.")
    }

    /// The domains of competence of the territory's digital professionals (OPEN counts 32).
    static let domains = [
        "Applications mobiles", "Archivage et dématérialisation", "Audiovisuel et multimédia", "Commerce en ligne",
        "Communication et design", "Conseil en transformation numérique", "Cybersécurité", "Data et informatique décisionnelle",
        "Développement logiciel", "Développement web", "Domotique et bâtiment connecté", "Éducation numérique",
        "Électronique", "ERP et logiciels de gestion", "Formation au numérique", "Géomatique et SIG",
        "Hébergement et cloud", "Impression et bureautique", "Infogérance", "Intégration de systèmes",
        "Intelligence artificielle", "Internet des objets", "Jeux vidéo", "Logiciels libres",
        "Marketing digital", "Matériel informatique", "Numérique responsable", "Protection des données (RGPD)",
        "Recrutement et RH numériques", "Réseaux et télécommunications", "Santé numérique", "Télécoms et opérateurs",
    ]
}
