import Foundation
import GrappeDomain
import Yams

/// `challenge.yml` through Yams: YAML text into the domain's `SpecTree` (with a French message
/// and the line for a broken file), and a `SpecTree` back into YAML text.
enum CTFYAML {
    /// Past this many nodes a file is refused: aliases can make a few lines expand into
    /// millions of nodes (« billion laughs »), and no challenge needs that many.
    static let maxNodes = 20_000

    struct Broken: Error, Equatable {
        let message: String
    }

    static func decode(_ text: String) -> Result<SpecTree, Broken> {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            return .failure(Broken(message: french(error)))
        } catch {
            return .failure(Broken(message: "YAML illisible."))
        }
        guard let node else { return .failure(Broken(message: "le fichier est vide.")) }
        var budget = maxNodes
        guard let tree = convert(node, budget: &budget) else {
            return .failure(Broken(message: "le fichier est trop gros ou trop imbriqué (\(maxNodes) éléments au plus, alias compris)."))
        }
        return .success(tree)
    }

    private static func convert(_ node: Node, budget: inout Int, depth: Int = 0) -> SpecTree? {
        budget -= 1
        guard budget >= 0, depth < 32 else { return nil }
        switch node {
        case .scalar(let s):
            switch node.tag.rawValue {
            case Tag.Name.null.rawValue: return .null
            case Tag.Name.bool.rawValue: return node.bool.map(SpecTree.bool) ?? .string(s.string)
            case Tag.Name.int.rawValue: return node.int.map(SpecTree.int) ?? .string(s.string)
            default: return .string(s.string)
            }
        case .mapping(let m):
            var pairs: [SpecTree.Pair] = []
            for (key, value) in m {
                guard let v = convert(value, budget: &budget, depth: depth + 1) else { return nil }
                pairs.append(.init(key.string ?? "", v))
            }
            return .map(pairs)
        case .sequence(let items):
            var list: [SpecTree] = []
            for item in items {
                guard let v = convert(item, budget: &budget, depth: depth + 1) else { return nil }
                list.append(v)
            }
            return .list(list)
        case .alias:
            return nil
        }
    }

    /// Yams' error in French, with the line and column when it gives them.
    static func french(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return "YAML invalide ligne \(mark.line), colonne \(mark.column) (\(problem))."
        case .reader(let problem, _, _, _):
            return "YAML illisible (\(problem))."
        case .duplicatedKeysInMapping(let duplicates, let context):
            return "clé en double ligne \(context.mark.line) : \(duplicates.joined(separator: ", "))."
        default:
            return "YAML invalide."
        }
    }

    /// YAML text for `tree`: strings double-quoted (so that `yes` or `100` stay strings for any
    /// reader), multi-line ones as literal blocks.
    static func encode(_ tree: SpecTree) throws -> String {
        try Yams.serialize(node: node(tree), indent: 2, width: -1, allowUnicode: true)
    }

    private static func node(_ tree: SpecTree) -> Node {
        switch tree {
        case .null: return Node("null", Tag(.null))
        case .bool(let b): return Node(b ? "true" : "false", Tag(.bool))
        case .int(let i): return Node(String(i), Tag(.int))
        case .string(let s): return Node(s, Tag(.str), s.contains("\n") ? .literal : .doubleQuoted)
        case .list(let items): return Node(items.map(node), Tag(.seq), .block)
        case .map(let pairs): return Node(pairs.map { (Node($0.key), node($0.value)) }, Tag(.map), .block)
        }
    }
}
