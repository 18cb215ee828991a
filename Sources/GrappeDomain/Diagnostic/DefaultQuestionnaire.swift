/// Version 1 of the questionnaire, in French: the eleven questions of the EU DMA for SMEs
/// (module 2, « Stage T0 »), each in its dimension with the DMA's items and scoring, then two
/// local questions the cluster adds, informative (see `DiagnosticQuestion` for why).
extension DiagnosticQuestionnaire {
    public static let v1 = DiagnosticQuestionnaire(
        version: 1,
        title: "Diagnostic de maturité numérique (compatible DMA européen)",
        questions: [
            q1Investments, q2Preparedness, q3BasicTechnologies, q4AdvancedTechnologies, q5Skills, q6Engagement,
            q7Data, q8Security, q9Automation, q10GreenPractices, q11GreenIT, localVisibility, localEquipment,
        ]
    )

    private static func options(_ prefix: String, _ labels: [String]) -> [DiagnosticQuestion.Option] {
        labels.enumerated().map { DiagnosticQuestion.Option(key: "\(prefix)\($0.offset + 1)", label: $0.element) }
    }

    private static func rows(_ prefix: String, _ labels: [String]) -> [DiagnosticQuestion.Row] {
        labels.enumerated().map { DiagnosticQuestion.Row(key: "\(prefix)\($0.offset + 1)", label: $0.element) }
    }

    static let q1Investments = DiagnosticQuestion(
        key: "q1_investments", dimension: .strategy, dmaNumber: 1, title: "Investissements numériques",
        text: "Dans quels domaines de l'entreprise avez-vous déjà investi dans le numérique, et dans lesquels prévoyez-vous d'investir ?",
        help: "Cochez « déjà investi », « investissement prévu », les deux ou aucun, pour chaque domaine.",
        kind: .investment,
        rows: rows("area", [
            "Conception des produits et services, recherche et développement",
            "Planification et gestion de projets",
            "Production, exploitation ou prestation des services",
            "Collaboration avec les partenaires (fournisseurs, sous-traitants, clients)",
            "Logistique entrante et gestion des stocks",
            "Marketing, ventes et service client",
            "Livraison, expédition et facturation électronique",
            "Administration et ressources humaines",
            "Achats et approvisionnement",
            "Cybersécurité et protection des données personnelles",
        ]))

    static let q2Preparedness = DiagnosticQuestion(
        key: "q2_preparedness", dimension: .strategy, dmaNumber: 2, title: "Préparation à la transformation",
        text: "Parmi ces affirmations sur la préparation de l'entreprise au numérique, lesquelles sont vraies ?",
        kind: .multipleChoice,
        options: options("prep", [
            "Les besoins numériques sont identifiés et liés aux objectifs de l'entreprise",
            "Le financement des projets numériques est prévu pour au moins un an",
            "L'infrastructure informatique est prête",
            "L'entreprise peut compter sur des spécialistes du numérique (internes ou externes)",
            "La direction est prête à conduire le changement",
            "Le personnel est prêt à s'adapter",
            "Les processus de travail peuvent être adaptés",
            "L'offre évolue vers des services associés aux produits",
            "La satisfaction des clients est suivie en ligne",
            "Les risques liés au numérique sont pris en compte",
        ]))

    static let q3BasicTechnologies = DiagnosticQuestion(
        key: "q3_basic_technologies", dimension: .readiness, dmaNumber: 3, title: "Technologies numériques de base",
        text: "Lesquelles de ces technologies et solutions l'entreprise utilise-t-elle déjà ?",
        kind: .multipleChoice,
        options: options("tech", [
            "Connexion internet fiable et services en nuage (cloud)",
            "Site web",
            "Formulaires en ligne (contact, devis, prise de rendez-vous)",
            "Échanges en ligne avec les clients (messagerie instantanée, réseaux sociaux)",
            "Vente en ligne",
            "Marketing numérique (e-mailing, publicité en ligne)",
            "Démarches administratives en ligne",
            "Outils de travail à distance et de collaboration",
            "Intranet ou portail interne",
            "Logiciels de gestion (ERP, CRM, gestion des stocks) ou facturation électronique",
        ]))

    static let q4AdvancedTechnologies = DiagnosticQuestion(
        key: "q4_advanced_technologies", dimension: .readiness, dmaNumber: 4, title: "Technologies avancées",
        text: "Où en est l'entreprise avec chacune de ces technologies avancées ?",
        help: "0 non utilisé, 1 envisagé, 2 prototype, 3 en test, 4 en déploiement, 5 opérationnel.",
        kind: .scale,
        rows: rows("adv", [
            "Simulation et jumeaux numériques",
            "Réalité virtuelle ou augmentée",
            "Conception et fabrication assistées par ordinateur (CAO, FAO)",
            "Pilotage informatisé de la production (MES)",
            "Objets connectés (IoT)",
            "Chaîne de blocs (blockchain)",
            "Impression 3D",
        ]))

    static let q5Skills = DiagnosticQuestion(
        key: "q5_skills", dimension: .humanCentric, dmaNumber: 5, title: "Compétences numériques",
        text: "Que fait l'entreprise pour développer les compétences numériques de son personnel ?",
        kind: .multipleChoice,
        options: options("skill", [
            "Évaluation des compétences numériques du personnel",
            "Plan de formation au numérique",
            "Formations courtes, tutoriels ou formation en ligne",
            "Apprentissage entre collègues, expérimentation",
            "Stages ou alternance dans le numérique",
            "Formations externes payées par l'entreprise",
            "Programmes de formation subventionnés",
        ]))

    static let q6Engagement = DiagnosticQuestion(
        key: "q6_engagement", dimension: .humanCentric, dmaNumber: 6, title: "Implication du personnel",
        text: "Comment l'entreprise associe-t-elle son personnel aux changements numériques ?",
        kind: .multipleChoice,
        options: options("staff", [
            "Le personnel est sensibilisé aux nouvelles technologies",
            "Les projets numériques sont expliqués en toute transparence",
            "L'acceptation des changements par le personnel est suivie",
            "Le personnel participe aux choix et à la mise en place des outils",
            "Les outils numériques donnent plus d'autonomie au personnel",
            "Les postes de travail sont repensés pour tirer parti du numérique",
            "Le travail est flexible (horaires, télétravail)",
            "Une personne ou une équipe accompagne le personnel dans ses usages",
        ]))

    static let q7Data = DiagnosticQuestion(
        key: "q7_data", dimension: .data, dmaNumber: 7, title: "Gestion des données",
        text: "Comment l'entreprise gère-t-elle ses données ?",
        help: "« Les données ne sont pas collectées sous forme numérique » exclut les autres réponses.",
        kind: .multipleChoice,
        options: [
            .init(key: "data1", label: "Une politique de gestion des données existe"),
            .init(key: "data_none", label: "Les données ne sont pas collectées sous forme numérique", points: 0, exclusive: true),
            .init(key: "data2", label: "Les données utiles sont stockées sous forme numérique"),
            .init(key: "data3", label: "Les données circulent entre les logiciels (intégration, API)"),
            .init(key: "data4", label: "Les données sont accessibles en temps réel"),
            .init(key: "data5", label: "Les données sont analysées pour prendre des décisions"),
            .init(key: "data6", label: "Les données sont enrichies par des données externes"),
            .init(key: "data7", label: "Des tableaux de bord sont consultables sans aide technique"),
        ])

    static let q8Security = DiagnosticQuestion(
        key: "q8_security", dimension: .data, dmaNumber: 8, title: "Sécurité des données",
        text: "Comment les données de l'entreprise sont-elles protégées ?",
        kind: .multipleChoice,
        options: options("sec", [
            "Une politique de sécurité des données existe",
            "Les données des clients sont protégées",
            "Le personnel est formé à la cybersécurité",
            "Les menaces sont surveillées",
            "Les données sont sauvegardées hors des locaux",
            "Un plan de continuité d'activité existe",
        ]))

    static let q9Automation = DiagnosticQuestion(
        key: "q9_automation", dimension: .automation, dmaNumber: 9, title: "Automatisation et IA",
        text: "Où en est l'entreprise avec chacune de ces technologies d'automatisation et d'intelligence artificielle ?",
        help: "0 non utilisé, 1 envisagé, 2 prototype, 3 en test, 4 en déploiement, 5 opérationnel.",
        kind: .scale,
        rows: rows("ai", [
            "Traitement du langage (agents conversationnels, traduction, rédaction)",
            "Vision par ordinateur (reconnaissance d'images)",
            "Reconnaissance et synthèse vocales",
            "Robots et automates",
            "Analyse de données et aide à la décision",
        ]))

    static let q10GreenPractices = DiagnosticQuestion(
        key: "q10_green_practices", dimension: .green, dmaNumber: 10, title: "Pratiques durables",
        text: "Pour lesquelles de ces pratiques durables l'entreprise s'appuie-t-elle sur le numérique ?",
        kind: .multipleChoice,
        options: options("green", [
            "Modèle économique circulaire",
            "Services durables",
            "Produits durables",
            "Production durable",
            "Réduction des émissions et des déchets",
            "Production d'énergie renouvelable par l'entreprise",
            "Économie de matières premières",
            "Transports et emballages optimisés",
            "Applications qui aident les clients à consommer de façon responsable",
            "Administration sans papier",
        ]))

    static let q11GreenIT = DiagnosticQuestion(
        key: "q11_green_it", dimension: .green, dmaNumber: 11, title: "Impact environnemental du numérique",
        text: "L'entreprise prend-elle en compte l'impact environnemental de son propre numérique ?",
        kind: .triState,
        rows: rows("env", [
            "L'environnement fait partie de la stratégie numérique",
            "Système de management environnemental ou certification",
            "Critères environnementaux dans les achats numériques",
            "Suivi de la consommation d'énergie du matériel informatique",
            "Réemploi ou recyclage des anciens équipements informatiques",
        ]))

    static let localVisibility = DiagnosticQuestion(
        key: "local_visibility", dimension: .readiness, dmaNumber: nil, title: "Visibilité en ligne",
        text: "Comment vos clients vous trouvent-ils en ligne ?",
        help: "Question locale pour les commerces ; informative, elle ne change pas les scores DMA.",
        kind: .multipleChoice, role: .informative,
        options: [
            .init(key: "vis1", label: "Fiche d'établissement à jour (cartes, annuaires)"),
            .init(key: "vis2", label: "Page active sur les réseaux sociaux"),
            .init(key: "vis3", label: "Site lisible sur téléphone"),
            .init(key: "vis4", label: "Horaires, tarifs et coordonnées à jour en ligne"),
            .init(key: "vis5", label: "Avis des clients lus et traités"),
            .init(key: "vis6", label: "Paiement sans contact ou en ligne"),
            .init(key: "vis_none", label: "Aucune présence en ligne", points: 0, exclusive: true),
        ],
        onlyFor: [.retail])

    static let localEquipment = DiagnosticQuestion(
        key: "local_equipment", dimension: .readiness, dmaNumber: nil, title: "Équipement et connexion",
        text: "Votre équipement et votre connexion suffisent-ils au travail de tous les jours ?",
        help: "Question locale (la connexion varie beaucoup d'une commune à l'autre) ; informative.",
        kind: .triState, role: .informative,
        rows: [
            .init(key: "eq1", label: "Les ordinateurs ont moins de cinq ans"),
            .init(key: "eq2", label: "La connexion internet est fiable aux heures de travail"),
            .init(key: "eq3", label: "Les mises à jour de sécurité sont faites régulièrement"),
        ])
}
