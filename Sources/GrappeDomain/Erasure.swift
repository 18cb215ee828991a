import Foundation

/// The sanitisation level of an erasure record, after NIST SP 800-88.
///
/// NIST defines three levels: Clear (logical overwrite of the user-addressable locations,
/// which resists simple software recovery only), Purge (recovery infeasible even with
/// state-of-the-art laboratory techniques) and Destroy (the media can no longer be used).
/// Clear is deliberately absent: donated devices leave the donor's control and go to people
/// the donor does not know, and NIST asks for Purge or Destroy for media that leave the
/// owner's control. Clear also misses the spare areas of flash media (remapped blocks,
/// over-provisioning), so it proves little on SSDs.
///
/// Rev. 2 (26 September 2025, Rev. 1 withdrawn the same day) keeps the three levels, adds
/// sanitisation validation and refers to IEEE 2883 for the techniques.
public enum ErasureLevel: String, CaseIterable, Codable, Sendable {
    case purge
    case destroy

    public var label: String {
        switch self {
        case .purge: "Purge (effacement irréversible)"
        case .destroy: "Destruction du support"
        }
    }
}

/// How the media was sanitised.
public enum ErasureMethod: String, CaseIterable, Codable, Sendable {
    case overwrite
    case blockErase = "block_erase"
    case cryptoErase = "crypto_erase"
    case degauss
    case shred
    case disintegrate

    public var label: String {
        switch self {
        case .overwrite: "Réécriture (commande d'effacement du disque)"
        case .blockErase: "Effacement par blocs (block erase)"
        case .cryptoErase: "Effacement cryptographique (crypto erase)"
        case .degauss: "Démagnétisation"
        case .shred: "Broyage"
        case .disintegrate: "Désintégration"
        }
    }

    /// The levels the method can claim. Shredding and disintegration destroy; the erase
    /// commands purge. Degaussing purges a magnetic disk: NIST Rev. 1 counted it as Purge, and
    /// with Rev. 2 practitioners no longer accept it as Destroy, so it is never recorded as such.
    public var compatibleLevels: [ErasureLevel] {
        switch self {
        case .shred, .disintegrate: [.destroy]
        case .overwrite, .blockErase, .cryptoErase, .degauss: [.purge]
        }
    }

    /// Degaussing acts on magnetic media only.
    public var magneticOnly: Bool { self == .degauss }
}

/// How the result was verified (NIST: full verification or a representative sampling).
public enum VerificationMethod: String, CaseIterable, Codable, Sendable {
    case full
    case sampling

    public var label: String {
        switch self {
        case .full: "Vérification complète"
        case .sampling: "Vérification par échantillonnage"
        }
    }
}

/// The kind of storage device an erasure record is about.
public enum StorageMedia: String, CaseIterable, Codable, Sendable {
    case hdd
    case ssd
    case nvme
    case emmc
    case other

    public var label: String {
        switch self {
        case .hdd: "Disque dur (HDD)"
        case .ssd: "SSD (SATA)"
        case .nvme: "SSD NVMe"
        case .emmc: "Mémoire eMMC"
        case .other: "Autre support"
        }
    }

    /// Flash storage, on which degaussing has no effect.
    public var isFlash: Bool { self == .ssd || self == .nvme || self == .emmc }
}

/// One erasure record — one per storage device, linked to the host item — as typed in the
/// form. `validate(today:)` trims the text fields and returns French messages per field;
/// an empty dictionary means the record may be saved.
public struct ErasureDraft: Equatable, Sendable {
    public var mediaType: StorageMedia?
    public var mediaSerial: String
    public var level: ErasureLevel?
    public var method: ErasureMethod?
    /// The software and its version, or the destruction provider.
    public var tool: String
    public var verification: VerificationMethod?
    /// The person who performed the sanitisation.
    public var operatorName: String
    public var date: Date?

    public init(mediaType: StorageMedia? = nil, mediaSerial: String = "", level: ErasureLevel? = nil,
                method: ErasureMethod? = nil, tool: String = "", verification: VerificationMethod? = nil,
                operatorName: String = "", date: Date? = nil) {
        self.mediaType = mediaType
        self.mediaSerial = mediaSerial
        self.level = level
        self.method = method
        self.tool = tool
        self.verification = verification
        self.operatorName = operatorName
        self.date = date
    }

    public static let limits: [String: Int] = ["mediaSerial": 100, "tool": 120, "operatorName": 120]

    /// Field → French message. The date may not be later than `today`, compared as calendar
    /// days in Nouméa.
    public mutating func validate(today: Date) -> [String: String] {
        var errors: [String: String] = [:]
        mediaSerial = FieldCheck.trimmed(mediaSerial)
        tool = FieldCheck.trimmed(tool)
        operatorName = FieldCheck.trimmed(operatorName)

        if mediaType == nil { errors["mediaType"] = "Choisissez le type de support (disque dur, SSD, NVMe, eMMC ou autre)." }
        if mediaSerial.isEmpty { errors["mediaSerial"] = "Le numéro de série du support est obligatoire." }
        if tool.isEmpty { errors["tool"] = "Indiquez l'outil utilisé et sa version, ou le prestataire de destruction." }
        if operatorName.isEmpty { errors["operatorName"] = "Indiquez la personne qui a réalisé l'effacement." }
        for (field, value) in [("mediaSerial", mediaSerial), ("tool", tool), ("operatorName", operatorName)] {
            if let limit = Self.limits[field], value.count > limit {
                errors[field] = "\(limit) caractères au maximum (\(value.count) saisis)."
            }
        }
        if level == nil { errors["level"] = "Choisissez le niveau d'effacement : purge ou destruction." }
        if let method {
            if let level, !method.compatibleLevels.contains(level) {
                let allowed = method.compatibleLevels.map { "« \($0.label) »" }.joined(separator: " ou ")
                errors["method"] = "La méthode « \(method.label) » ne permet pas le niveau « \(level.label) » (niveau possible : \(allowed))."
            } else if method.magneticOnly, let mediaType, mediaType.isFlash {
                errors["method"] = "La démagnétisation est sans effet sur un support flash (\(mediaType.label)) : choisissez l'effacement par blocs, l'effacement cryptographique ou la destruction."
            }
        } else {
            errors["method"] = "Choisissez la méthode d'effacement."
        }
        if verification == nil { errors["verification"] = "Choisissez la vérification : complète ou par échantillonnage." }
        if let date {
            if FrenchDate.days(from: today, to: date) > 0 {
                errors["date"] = "La date d'effacement ne peut pas être dans le futur."
            }
        } else {
            errors["date"] = "La date d'effacement est obligatoire (jj/mm/aaaa)."
        }
        return errors
    }
}
