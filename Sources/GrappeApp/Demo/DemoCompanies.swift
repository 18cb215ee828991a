import Foundation
import GrappeDomain

/// The member companies of the demo: those the 2025 report names (no RIDET: we do not know
/// theirs) and invented ones, marked « (fictif) » with RIDETs in the 999xxxx range that no real
/// company holds.
enum DemoCompanies {
    struct Entry {
        let name: String
        let founding: Bool
        let partner: Bool
        let headcount: Int
        let commune: String
        let domains: [String]
        let holder: (first: String, last: String, female: Bool)
        let fictitious: Bool
        /// The 2025 membership: active for the 100 members the report counts; a few others show
        /// the other statuses.
        var status2025: MembershipStatus = .active
        /// Companies that joined during 2025 have no 2024 membership and are priced pro rata.
        var joinMonth2025: Int? = nil
        var member2024 = true
    }

    /// (name, founding, partner, headcount, holder first, holder last, female)
    static let named: [(String, Bool, Bool, Int, String, String, Bool)] = [
        ("AIRE ELC", true, false, 12, "Jean", "Martin (fictif)", false),
        ("ART INFORMATIQUE", true, false, 8, "Paul", "Durand (fictif)", false),
        ("ATELIER B2", true, false, 5, "Claire", "Lefèvre (fictif)", true),
        ("BLUECHAM", true, false, 30, "Marc", "Bernard (fictif)", false),
        ("BULL", true, false, 140, "Éric", "Petit (fictif)", false),
        ("CIPAC", true, false, 22, "Luc", "Moreau (fictif)", false),
        ("COMPUSYSTEM", true, false, 45, "Henri", "Laurent (fictif)", false),
        ("E-FORMATION", true, false, 6, "Sophie", "Simon (fictif)", true),
        ("INCOGNITO", true, false, 10, "Noé", "Michel (fictif)", false),
        ("INTERFACE", true, false, 26, "Yann", "Leroy (fictif)", false),
        ("ISI NC", true, false, 60, "Didier", "Roux (fictif)", false),
        ("LA FABRIK", true, false, 11, "Mathieu", "DEREK", false),
        ("LICENCE PC", true, false, 4, "Alain", "David (fictif)", false),
        ("IS2", true, false, 18, "Bruno", "Bertrand (fictif)", false),
        ("NAUTILE", true, false, 9, "Hugo", "Morel (fictif)", false),
        ("NCIT", true, false, 101, "Olivier", "Fournier (fictif)", false),
        ("ORUS INFORMATIQUE", true, false, 25, "Pierre", "Girard (fictif)", false),
        ("SETCO", true, false, 51, "Serge", "Bonnet (fictif)", false),
        ("SF2I", true, false, 35, "Sylver", "SCHORGEN", false),
        ("SKAZY", true, false, 14, "Hatem", "BELLAGI", false),
        ("ACTECIL", false, false, 7, "Eve", "CHIAPELLO", true),
        ("DSP", false, false, 20, "Jocelyn", "TANGUY", false),
        ("MC3", false, false, 16, "Mehdi", "HASSOUNI", false),
        ("BBS", false, false, 28, "Mathieu", "RICHARD", false),
        ("OFFICE PLUS", false, false, 55, "Benjamin", "KRAFT", false),
        ("LAGOON", false, false, 210, "Laurent", "MAILLOT", false),
        ("AdDo", false, false, 3, "Laurent", "RIVATON", false),
        ("APID", false, false, 12, "Thomas", "AVRON", false),
        ("OFFRATEL", false, true, 240, "Gilles", "Faure (fictif)", false),
        ("ACOR", false, false, 9, "Julie", "André (fictif)", true),
        ("CSB", false, false, 13, "Kevin", "Mercier (fictif)", false),
        ("FAIDYL", false, false, 2, "Nina", "Blanc (fictif)", true),
        ("INSIGHT", false, true, 24, "Thierry", "Guérin (fictif)", false),
        ("FRENCH TECH NC", false, true, 1, "Romain", "Boyer (fictif)", false),
        ("GENIUS FORMATIONS", false, true, 15, "Camille", "Garnier (fictif)", true),
        ("GEOCAL", false, false, 19, "Fabien", "Chevalier (fictif)", false),
        ("HR PATH", false, true, 60, "Arnaud", "François (fictif)", false),
        ("IKIGAI", false, false, 4, "Léa", "Legrand (fictif)", true),
        ("SHOP.NC", false, false, 6, "Cédric", "Gauthier (fictif)", false),
        ("STRATÉGIE ZEN IT", false, false, 3, "Vincent", "Garcia (fictif)", false),
        ("VISUALCOM", false, false, 8, "Manon", "Perrin (fictif)", true),
    ]

    static let inventedFirst = ["Cagou", "Niaouli", "Lagon", "Kaori", "Tiéti", "Récif", "Houp", "Banian", "Nautile", "Tricot", "Corail", "Alizé",
                                "Bougna", "Pirogue", "Tamanou", "Dumbéa", "Ouénghi", "Amédée", "Kanumera", "Mouli"]
    static let inventedSecond = ["Numérique", "Data", "Logiciels", "Cloud", "Réseaux", "Conseil", "Web", "Cyber", "Services", "Systèmes", "Studio", "Lab"]
    static let firstNames = ["Antoine", "Baptiste", "Charles", "Damien", "Étienne", "Florent", "Guillaume", "Jérôme", "Ludovic", "Maxime",
                             "Nicolas", "Patrice", "Quentin", "Rémi", "Sébastien", "Tristan", "Valentin", "William", "Xavier", "Yves"]
    static let femaleFirstNames = ["Aurélie", "Mélanie"]
    static let lastNames = ["Wamytan", "Gope", "Naisseline", "Tjibaou", "Ukeiwé", "Poadja", "Kasarhérou", "Wahetra", "Dang", "Nguyen",
                            "Lafleur", "Martinez", "Rossi", "Lopez", "Mendes", "Wong", "Teriierooiterai", "Dupont", "Lemoine", "Renard"]
    static let communes = ["Nouméa", "Nouméa", "Nouméa", "Nouméa", "Nouméa", "Dumbéa", "Le Mont-Dore", "Païta", "Koné", "Bourail", "Lifou", "Koumac", "La Foa"]

    /// The 100 companies: named ones first, then invented ones up to 100. 85 core, 15 partners,
    /// 10 women holders in all.
    static func all() -> [Entry] {
        var random = DemoRandom(seed: 2025)
        var entries: [Entry] = []
        for (index, n) in named.enumerated() {
            entries.append(Entry(name: n.0, founding: n.1, partner: n.2, headcount: n.3, commune: communes[index % communes.count],
                                 domains: pickDomains(&random), holder: (n.4, n.5, n.6), fictitious: false))
        }
        let partnersNeeded = 15 - entries.filter(\.partner).count
        let womenNeeded = 10 - entries.filter(\.holder.female).count
        var index = 0
        while entries.count < 100 {
            let name = "\(inventedFirst[index % inventedFirst.count]) \(inventedSecond[(index * 7 + index / inventedFirst.count) % inventedSecond.count]) (fictif)"
            let partner = index < partnersNeeded
            let female = index >= partnersNeeded && index < partnersNeeded + womenNeeded
            // (first name, last name) pairs never repeat: the last name shifts by one every 20 companies.
            let first = female ? femaleFirstNames[index % femaleFirstNames.count] : firstNames[index % firstNames.count]
            let headcount = [0, 2, 5, 9, 10, 11, 18, 25, 26, 40, 50, 51, 75, 100, 120, 201, 3, 7][index % 18]
            entries.append(Entry(name: name, founding: false, partner: partner, headcount: headcount,
                                 commune: communes[(index * 5) % communes.count], domains: pickDomains(&random),
                                 holder: (first, lastNames[(index + index / lastNames.count) % lastNames.count], female), fictitious: true))
            index += 1
        }
        for (offset, month) in [2, 3, 5, 6, 8, 9, 10, 11].enumerated() {
            entries[92 + offset].joinMonth2025 = month
            entries[92 + offset].member2024 = false
        }
        return entries + others()
    }

    /// Three companies outside the 100: one that did not renew, one that resigned, one candidate.
    static func others() -> [Entry] {
        let statuses: [(String, MembershipStatus, Bool)] = [
            ("Ancien Adhérent Exemple (fictif)", .lapsed, true),
            ("Démissionnaire Exemple (fictif)", .resigned, true),
            ("Candidat Exemple (fictif)", .candidate, false),
        ]
        return statuses.enumerated().map { offset, item in
            var entry = Entry(name: item.0, founding: false, partner: false, headcount: 4 + offset, commune: "Nouméa",
                              domains: [OrganisationDefaults.domains[offset]], holder: (firstNames[offset], lastNames[offset + 10], false),
                              fictitious: true)
            entry.status2025 = item.1
            entry.member2024 = item.2
            return entry
        }
    }

    static func pickDomains(_ random: inout DemoRandom) -> [String] {
        let all = OrganisationDefaults.domains
        let count = 1 + random.next(below: 3)
        var chosen: [String] = []
        while chosen.count < count {
            let d = all[random.next(below: all.count)]
            if !chosen.contains(d) { chosen.append(d) }
        }
        return chosen
    }
}
