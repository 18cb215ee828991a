import Foundation

/// Reads ctfcli's `challenge.yml` (decoded into a `SpecTree`) into a `ChallengeSpec`, with a
/// French message per problem naming the folder and the field. Fields Grappe does not use
/// (`version`, `image`, `host`, `protocol`…) are ignored, as ctfcli ignores CTFd's unknown ones.
public enum ChallengeSpecReader {
    public static func read(_ tree: SpecTree, folder: String) -> (spec: ChallengeSpec?, problems: [SpecProblem]) {
        var problems: [SpecProblem] = []
        func problem(_ field: String?, _ message: String) { problems.append(SpecProblem(folder: folder, field: field, message)) }
        guard case .map = tree else {
            problem(nil, "le fichier doit décrire un défi (des champs « nom: valeur »).")
            return (nil, problems)
        }

        /// A text field: absent or null is empty; a list or a mapping is refused.
        func text(_ key: String, limit: Int, required: Bool = false) -> String {
            let value = tree[key] ?? .null
            if case .null = value {
                if required { problem(key, "champ obligatoire.") }
                return ""
            }
            guard let s = value.text else {
                problem(key, "un texte est attendu.")
                return ""
            }
            let trimmed = s.trimmingCharacters(in: .whitespacesAndNewlines)
            if required && trimmed.isEmpty { problem(key, "champ obligatoire.") }
            if trimmed.count > limit { problem(key, "\(limit) caractères au plus.") }
            return trimmed
        }
        func integer(_ node: SpecTree?, _ field: String, default fallback: Int? = nil) -> Int? {
            guard let node, node != .null else {
                if fallback == nil { problem(field, "champ obligatoire.") }
                return fallback
            }
            guard let v = node.integer else {
                problem(field, "un nombre entier est attendu.")
                return nil
            }
            return v
        }
        func list(_ key: String) -> [SpecTree] {
            switch tree[key] ?? .null {
            case .null: return []
            case .list(let items): return items
            default:
                problem(key, "une liste est attendue.")
                return []
            }
        }

        let name = text("name", limit: ChallengeSpec.Limits.name, required: true)
        let category = text("category", limit: ChallengeSpec.Limits.category, required: true)
        let author = text("author", limit: ChallengeSpec.Limits.author)
        // CTFd has no author, only an attribution: Grappe keeps the author, else the attribution.
        let attribution = text("attribution", limit: ChallengeSpec.Limits.author)
        let description = text("description", limit: ChallengeSpec.Limits.description)
        let connectionInfo = text("connection_info", limit: ChallengeSpec.Limits.connectionInfo)

        var scoring: ChallengeScoring?
        let type = tree["type"]?.text ?? "standard"
        switch type {
        case "standard":
            if let value = integer(tree["value"], "value") { scoring = .fixed(value) }
        case "dynamic":
            var extra = tree["extra"] ?? .null
            switch extra {
            case .null, .map: break
            default:
                problem("extra", "des champs « initial », « decay » et « minimum » sont attendus.")
                extra = .null
            }
            let initial = integer(extra["initial"] ?? tree["initial"] ?? tree["value"], "extra.initial")
            let decay = integer(extra["decay"] ?? tree["decay"], "extra.decay")
            let minimum = integer(extra["minimum"] ?? tree["minimum"], "extra.minimum", default: 0)
            let function = (extra["function"] ?? extra["decay_function"] ?? tree["function"] ?? tree["decay_function"])?.text ?? "linear"
            if let initial, let decay, let minimum {
                switch function {
                case "linear": scoring = .linear(initial: initial, decay: decay, minimum: minimum)
                case "logarithmic": scoring = .logarithmic(initial: initial, decay: decay, minimum: minimum)
                default: problem("extra.function", "« linear » ou « logarithmic » attendu, pas « \(function) ».")
                }
            }
        default:
            problem("type", "« standard » ou « dynamic » attendu, pas « \(type) ».")
        }
        if let why = scoring?.problem {
            problem(type == "dynamic" ? "extra" : "value", why)
            scoring = nil
        }

        var flags: [FlagRule] = []
        for (i, item) in list("flags").enumerated() {
            let field = "flags[\(i + 1)]"
            var rule: FlagRule?
            switch item {
            case .map:
                let kindText = item["type"]?.text ?? "static"
                let data = item["data"]?.text ?? ""
                guard let kind = FlagRule.Kind(rawValue: kindText) else {
                    problem(field, "type « static » ou « regex » attendu, pas « \(kindText) »."); continue
                }
                guard ["", "case_insensitive", "case_sensitive"].contains(data) else {
                    problem(field, "« data » vaut « case_insensitive » ou rien, pas « \(data) »."); continue
                }
                guard let content = item["content"]?.text else { problem(field, "le contenu du flag (« content ») manque."); continue }
                rule = FlagRule(kind: kind, content: content.trimmingCharacters(in: .whitespacesAndNewlines), caseInsensitive: data == "case_insensitive")
            default:
                guard let content = item.text else { problem(field, "un texte ou un flag {type, content, data} est attendu."); continue }
                rule = FlagRule(kind: .static, content: content.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            if let rule {
                if let why = rule.problem { problem(field, why) } else { flags.append(rule) }
            }
        }

        var tags: [String] = []
        for item in list("tags") {
            // ctfcli also accepts {value: …}.
            guard let t = (item["value"] ?? item).text?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else {
                problem("tags", "chaque étiquette est un texte."); continue
            }
            if !tags.contains(t) { tags.append(t) }
        }
        if tags.count > ChallengeSpec.Limits.tags || tags.contains(where: { $0.count > ChallengeSpec.Limits.tag }) {
            problem("tags", "\(ChallengeSpec.Limits.tags) étiquettes au plus, de \(ChallengeSpec.Limits.tag) caractères au plus.")
        }

        var hints: [ChallengeSpec.Hint] = []
        for (i, item) in list("hints").enumerated() {
            let field = "hints[\(i + 1)]"
            let content: String?, cost: Int?
            if case .map = item {
                content = item["content"]?.text
                cost = item["cost"].map { $0 == .null ? 0 : ($0.integer ?? -1) } ?? 0
            } else {
                content = item.text
                cost = 0
            }
            guard let content = content?.trimmingCharacters(in: .whitespacesAndNewlines), !content.isEmpty,
                  content.count <= ChallengeSpec.Limits.hint else {
                problem(field, "écrivez l'indice (\(ChallengeSpec.Limits.hint) caractères au plus)."); continue
            }
            guard let cost, ChallengeSpec.Limits.hintCost.contains(cost) else { problem(field, "coût entre 0 et 100 000 points."); continue }
            hints.append(.init(content: content, cost: cost))
        }

        var requirements: [String] = []
        var requirementItems: [SpecTree] = []
        if case .map = tree["requirements"] ?? .null {
            // ctfcli's long form: {prerequisites: [...], anonymize: …}
            if case .list(let items) = tree["requirements"]?["prerequisites"] ?? .null { requirementItems = items }
        } else {
            requirementItems = list("requirements")
        }
        for item in requirementItems {
            guard let r = item.text?.trimmingCharacters(in: .whitespacesAndNewlines), !r.isEmpty else {
                problem("requirements", "chaque prérequis est le nom d'un défi."); continue
            }
            if r == name { problem("requirements", "un défi ne peut pas se requérir lui-même."); continue }
            if !requirements.contains(r) { requirements.append(r) }
        }

        var files: [String] = []
        for item in list("files") {
            guard let path = item.text?.trimmingCharacters(in: .whitespaces), !path.isEmpty else {
                problem("files", "chaque fichier est un chemin relatif au dossier du défi."); continue
            }
            guard let clean = ArchivePath.clean(path) else {
                problem("files", "chemin refusé : « \(path) » (il doit rester dans le dossier du défi)."); continue
            }
            if !files.contains(clean) { files.append(clean) }
        }
        if files.count > ChallengeSpec.Limits.files { problem("files", "\(ChallengeSpec.Limits.files) fichiers au plus.") }
        let names = files.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
        if Set(names).count != names.count { problem("files", "deux fichiers portent le même nom.") }

        let attempts = integer(tree["attempts"], "attempts", default: 0)
        if let attempts, !ChallengeSpec.Limits.attempts.contains(attempts) { problem("attempts", "de 0 (illimité) à 1 000 tentatives.") }

        let state = tree["state"]?.text ?? "hidden"
        if state != "visible" && state != "hidden" { problem("state", "« visible » ou « hidden » attendu, pas « \(state) ».") }

        guard problems.isEmpty, let scoring, let attempts else { return (nil, problems) }
        return (ChallengeSpec(name: name, category: category, author: author.isEmpty ? attribution : author, description: description,
                              connectionInfo: connectionInfo, scoring: scoring, flags: flags, tags: tags, hints: hints,
                              requirements: requirements, files: files, maxAttempts: attempts, visible: state == "visible"), [])
    }
}
