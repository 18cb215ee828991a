/// Where a donated device stands in the Grande Collecte Numérique.
///
/// The chain runs pledged → collected → received → diagnosed → erased → refurbished → graded →
/// ready → allocated → handedOver, one step at a time: no skipping, no going back. Two exits
/// leave it early: `spareParts` (the device is harvested for parts) and `recycled` (sent to a
/// WEEE channel), both possible from `collected` up to `graded` only.
///
/// Data protection is the hard rule: a device (or its parts) may not move on from the erasure
/// step without an erasure record — NIST SP 800-88 Purge or Destroy — for every storage device
/// it holds. Recycling is the one way out that does not need it here, because the WEEE channel
/// destroys the media; when a drive is destroyed in-house, record it as a Destroy erasure.
public enum CollectItemState: String, CaseIterable, Codable, Sendable {
    case pledged
    case collected
    case received
    case diagnosed
    case erased
    case refurbished
    case graded
    case ready
    case allocated
    case handedOver = "handed_over"
    case spareParts = "spare_parts"
    case recycled

    /// The main chain, in order; the exits are not part of it.
    public static let chain: [CollectItemState] = [
        .pledged, .collected, .received, .diagnosed, .erased, .refurbished, .graded, .ready, .allocated, .handedOver,
    ]

    /// The states entered only with an erasure record for every storage device.
    public static let needingErasureRecord: Set<CollectItemState> = [
        .refurbished, .graded, .ready, .allocated, .handedOver, .spareParts,
    ]

    public var label: String {
        switch self {
        case .pledged: "promis"
        case .collected: "collecté"
        case .received: "réceptionné"
        case .diagnosed: "diagnostiqué"
        case .erased: "données effacées"
        case .refurbished: "reconditionné"
        case .graded: "classé"
        case .ready: "prêt à attribuer"
        case .allocated: "attribué"
        case .handedOver: "remis"
        case .spareParts: "pièces détachées"
        case .recycled: "recyclé"
        }
    }

    /// Spare parts or recycling: the device leaves the chain before reaching a beneficiary.
    public var isExit: Bool { self == .spareParts || self == .recycled }

    /// Nothing can follow: handed over to a beneficiary, or one of the exits.
    public var isFinal: Bool { self == .handedOver || isExit }

    /// Position in the chain, from 0 (`pledged`) to 9 (`handedOver`). The exits come after the
    /// chain (10 for `spareParts`, 11 for `recycled`) so that lists sort chain first.
    public var order: Int {
        if let index = Self.chain.firstIndex(of: self) { return index }
        return self == .spareParts ? Self.chain.count : Self.chain.count + 1
    }

    /// The next state of the chain; nil for `handedOver` and the exits.
    public var next: CollectItemState? {
        guard let index = Self.chain.firstIndex(of: self), index + 1 < Self.chain.count else { return nil }
        return Self.chain[index + 1]
    }

    /// Whether an exit (spare parts, recycling) may be taken from here: from `collected` to `graded`.
    public var allowsExit: Bool {
        !isExit && order >= CollectItemState.collected.order && order <= CollectItemState.graded.order
    }

    /// The moves the chain permits from `state`: the next step, then the exits when open.
    /// The record requirements (erasure, grade, charity) are checked by `check`, not here.
    public static func allowedMoves(from state: CollectItemState) -> [CollectItemState] {
        var moves: [CollectItemState] = []
        if let next = state.next { moves.append(next) }
        if state.allowsExit { moves += [.spareParts, .recycled] }
        return moves
    }

    /// Nil when the move is legal, otherwise the reason in French.
    /// - Parameters:
    ///   - hasErasureRecord: every storage device of the item has a Purge or Destroy record.
    ///   - hasGrade: the item has its cosmetic grade (A/B/C) and functional result (needed to
    ///     enter `graded`, and again to leave it).
    ///   - hasCharity: a charity has been chosen for the item.
    public static func check(from: CollectItemState, to: CollectItemState,
                             hasErasureRecord: Bool, hasGrade: Bool, hasCharity: Bool) -> String? {
        if from == to { return "L'article est déjà à l'état « \(from.label) »." }
        if from.isFinal { return "L'état « \(from.label) » est définitif : aucun changement n'est possible." }
        if to.isExit {
            guard from.allowsExit else {
                return "Passage en « \(to.label) » possible seulement entre les étapes « \(CollectItemState.collected.label) » et « \(CollectItemState.graded.label) » (état actuel : « \(from.label) »)."
            }
        } else if to != from.next {
            let expected = from.next.map { " (étape suivante attendue : « \($0.label) »)" } ?? ""
            if to.order < from.order {
                return "Retour en arrière interdit : « \(from.label) » → « \(to.label) »\(expected)."
            }
            return "Passage interdit : « \(from.label) » → « \(to.label) »\(expected)."
        }
        if needingErasureRecord.contains(to) && !hasErasureRecord {
            if from == .erased {
                return "Impossible de quitter l'effacement sans procès-verbal d'effacement (NIST SP 800-88) pour chaque support de stockage."
            }
            return "Passage en « \(to.label) » impossible sans procès-verbal d'effacement (NIST SP 800-88) pour chaque support de stockage."
        }
        if to == .graded && !hasGrade {
            return "Impossible de passer en « \(to.label) » sans grade esthétique (A, B ou C) ni résultat du test de fonctionnement : enregistrez d'abord le classement."
        }
        if from == .graded && to == .ready && !hasGrade {
            return "Impossible de passer en « \(to.label) » sans classement : grade esthétique (A, B ou C) et résultat du test de fonctionnement."
        }
        if from == .ready && to == .allocated && !hasCharity {
            return "Impossible d'attribuer l'article sans choisir l'association bénéficiaire."
        }
        return nil
    }
}
