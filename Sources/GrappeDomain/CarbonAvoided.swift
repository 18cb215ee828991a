import Foundation

/// The kind of device collected in the Grande Collecte Numérique.
public enum DeviceType: String, CaseIterable, Codable, Sendable {
    case laptop
    case desktop
    case monitor
    case smartphone
    case tablet
    case printer
    case network
    case other

    public var label: String {
        switch self {
        case .laptop: "Ordinateur portable"
        case .desktop: "Ordinateur fixe (unité centrale)"
        case .monitor: "Écran"
        case .smartphone: "Smartphone"
        case .tablet: "Tablette"
        case .printer: "Imprimante"
        case .network: "Équipement réseau"
        case .other: "Autre matériel"
        }
    }

    /// The usual category in the EU WEEE directive (2012/19/EU, annex III), as a hint for the
    /// recycling channel: 2 screens and equipment with a screen over 100 cm², 5 small
    /// equipment, 6 small IT and telecoms equipment. Nil when it depends on the device. The
    /// directive does not apply in New Caledonia as such; the local rules decide.
    public var weeeCategory: Int? {
        switch self {
        case .laptop, .monitor, .tablet: 2
        case .desktop, .smartphone, .printer, .network: 6
        case .other: nil
        }
    }

    /// The hint in French, for the form and the item sheet.
    public var weeeHint: String {
        switch weeeCategory {
        case 2: "DEEE catégorie 2 : écrans et équipements avec écran de plus de 100 cm²"
        case 6: "DEEE catégorie 6 : petits équipements informatiques et de télécommunications"
        default: "Catégorie DEEE à déterminer selon le matériel"
        }
    }
}

/// Greenhouse gas emissions avoided by reusing donated devices instead of buying new ones.
///
/// Method « réemploi »: each device that counts avoids the manufacturing and the assembly and
/// distribution of a new equivalent device, with the ADEME/Arcep 2022 figures as published in
/// ADEME's Impact CO2 data. The use phase is left out (ADEME computes it on the French grid,
/// far less carbon-intensive than New Caledonia's), and so is the end of life. Printers,
/// network equipment and other devices have no ADEME figure: they count for 0 and are reported
/// as uncounted. The caller decides which items count (handed over, or also ready/allocated).
///
/// This is an upper bound: it assumes each reused device replaces one new purchase. The
/// reference notes give more conservative alternatives (about 55 kg per laptop in the State's
/// MiNumEco guide); publish the method next to the number.
public enum CarbonAvoided {
    /// ADEME kg CO2e per device: manufacturing, and assembly + distribution.
    public static let components: [DeviceType: (manufacturing: Double, distribution: Double)] = [
        .laptop: (170.3, 12.3),
        .desktop: (202.6, 1.8),
        .monitor: (64.6, 1.3),
        .smartphone: (83.0, 2.1),
        .tablet: (56.3, 3.4),
    ]

    /// kg CO2e avoided per device reused, for every type (0 when ADEME gives no figure).
    public static let factors: [DeviceType: Double] = {
        var table: [DeviceType: Double] = [:]
        for type in DeviceType.allCases {
            table[type] = components[type].map { roundedKg($0.manufacturing + $0.distribution) } ?? 0
        }
        return table
    }()

    /// The method, in French, to print next to the figure.
    public static let methodText = """
        Méthode « réemploi » : chaque matériel remis à un bénéficiaire évite la fabrication, \
        l'assemblage et la distribution d'un matériel neuf équivalent. Valeurs de l'ADEME \
        (étude ADEME – Arcep 2022, données Impact CO2), en kg CO2e par appareil : ordinateur \
        portable 182,6 (170,3 + 12,3) ; ordinateur fixe professionnel sans écran 204,4 \
        (202,6 + 1,8) ; écran 65,9 (64,6 + 1,3) ; smartphone 85,1 (83,0 + 2,1) ; tablette 59,7 \
        (56,3 + 3,4). La phase d'utilisation n'est pas comptée, car l'ADEME la calcule avec le \
        mix électrique français, beaucoup moins carboné que celui de la Nouvelle-Calédonie ; la \
        fin de vie non plus. Les imprimantes, équipements réseau et autres matériels ne sont \
        pas comptés, faute de valeur ADEME. Le résultat suppose que chaque matériel réemployé \
        remplace l'achat d'un matériel neuf : c'est une estimation haute, arrondie au dixième \
        de kilogramme.
        """

    public static let sources: [String] = [
        "ADEME – Arcep, Évaluation de l'impact environnemental du numérique en France, 2022 (librairie.ademe.fr).",
        "ADEME, Impact CO2, données « numérique » : https://github.com/incubateur-ademe/impactco2 (src/data/categories/numerique.json ; étape 5 fabrication, étape 4 assemblage et distribution).",
    ]

    /// Avoided kg CO2e for the given number of devices per type, rounded to 0.1 kg.
    /// `perType` lists the types that have a figure and at least one device; `uncounted` is
    /// the number of devices whose type has no figure. Negative counts are ignored.
    public static func total(counts: [DeviceType: Int]) -> (kg: Double, perType: [DeviceType: Double], uncounted: Int) {
        var perType: [DeviceType: Double] = [:]
        var uncounted = 0
        var sum = 0.0
        for (type, count) in counts where count > 0 {
            let factor = factors[type] ?? 0
            if factor > 0 {
                let kg = factor * Double(count)
                perType[type] = roundedKg(kg)
                sum += kg
            } else {
                uncounted += count
            }
        }
        return (roundedKg(sum), perType, uncounted)
    }

    static func roundedKg(_ kg: Double) -> Double { (kg * 10).rounded() / 10 }

    /// Kilograms as tonnes, to 0.1 t (how the campaign page and the report print them).
    public static func tonnes(_ kg: Double) -> Double { (kg / 100).rounded() / 10 }
}
