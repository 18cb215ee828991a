import Fluent
import GrappeDomain
import Vapor

/// Fee schedules per year, edited by staff (`FeeScheduleView` draws them). The form refuses
/// overlapping brackets and holes.
enum FeeScheduleController {
    static func index(_ req: Request) async throws -> Response {
        try req.require(.staff, .board)
        let orgID = try await req.organisationID()
        let schedules = try await FeeSchedule.query(on: req.db).filter(\.$organisation.$id == orgID).with(\.$brackets).sort(\.$year, .descending).all()
        let next = (schedules.first?.year ?? FrenchDate.year(of: req.now) - 1) + 1
        let body = FeeScheduleView.list(schedules, next: next, staff: req.viewer.isStaff)
        return try await Layout.page(req, title: "Barèmes", body: body)
    }

    static func yearParameter(_ req: Request) throws -> Int {
        guard let y = req.parameters.get("year").flatMap(Int.init), (2000...2100).contains(y) else { throw Abort(.notFound) }
        return y
    }

    static func edit(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let year = try yearParameter(req)
        let orgID = try await req.organisationID()
        var schedule = try await FeeSchedule.query(on: req.db).filter(\.$organisation.$id == orgID).filter(\.$year == year).with(\.$brackets).first()
        if schedule == nil {
            schedule = try await FeeSchedule.query(on: req.db).filter(\.$organisation.$id == orgID).filter(\.$year < year).sort(\.$year, .descending).with(\.$brackets).first()
        }
        var values: [String: String] = ["rule": schedule?.proRataRule.rawValue ?? "none", "paymentDays": String(schedule?.paymentDays ?? 30)]
        for c in MembershipCategory.allCases {
            let lines = (schedule?.brackets ?? []).filter { $0.category == c }.sorted { $0.minHeadcount < $1.minHeadcount }
            for (i, line) in lines.enumerated() {
                values["\(c.rawValue)_min_\(i)"] = String(line.minHeadcount)
                values["\(c.rawValue)_max_\(i)"] = line.maxHeadcount.map(String.init) ?? ""
                values["\(c.rawValue)_amount_\(i)"] = String(line.amount)
            }
        }
        return try await page(req, year: year, form: FormState(values: values))
    }

    static func page(_ req: Request, year: Int, form: FormState, status: HTTPStatus = .ok) async throws -> Response {
        let body = FeeScheduleView.form(year: year, form: form, csrf: CSRF.hiddenField(req))
        return try await Layout.page(req, title: "Barème \(year)", status: status, body: body)
    }

    /// Reads the posted grid; nil with errors in `form` when invalid.
    static func parse(_ req: Request, form: inout FormState) -> [FeeBracket]? {
        var brackets: [FeeBracket] = []
        for c in MembershipCategory.allCases {
            for i in 0..<FeeScheduleView.rowsPerCategory {
                let keys = ["min", "max", "amount"].map { "\(c.rawValue)_\($0)_\(i)" }
                let texts = keys.map { (req.content[String.self, at: $0] ?? "").trimmingCharacters(in: .whitespaces) }
                for (k, t) in zip(keys, texts) { form.values[k] = t }
                if texts.allSatisfy(\.isEmpty) { continue }
                guard let min = Int(texts[0]), min >= 0 else { form.errors["grid"] = "\(c.label), ligne \(i + 1) : effectif minimum invalide."; continue }
                var max: Int? = nil
                if !texts[1].isEmpty {
                    guard let m = Int(texts[1]), m >= 0 else { form.errors["grid"] = "\(c.label), ligne \(i + 1) : effectif maximum invalide."; continue }
                    max = m
                }
                guard let amount = Money.parse(texts[2]), amount >= 0 else { form.errors["grid"] = "\(c.label), ligne \(i + 1) : montant invalide."; continue }
                brackets.append(FeeBracket(category: c, minHeadcount: min, maxHeadcount: max, amount: amount))
            }
        }
        return form.errors.isEmpty ? brackets : nil
    }

    static func save(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let year = try yearParameter(req)
        let orgID = try await req.organisationID()
        var form = FormState(values: ["rule": req.content[String.self, at: "rule"] ?? "", "paymentDays": req.content[String.self, at: "paymentDays"] ?? ""])
        let rule = ProRataRule(rawValue: form["rule"])
        if rule == nil { form.errors["rule"] = "Règle inconnue." }
        let days = Int(form["paymentDays"]).flatMap { (0...365).contains($0) ? $0 : nil }
        if days == nil { form.errors["paymentDays"] = "Un nombre de jours entre 0 et 365." }
        var grid: FeeGrid? = nil
        if let brackets = parse(req, form: &form), form.errors["grid"] == nil {
            do { grid = try FeeGrid(brackets: brackets) } catch { form.errors["grid"] = error.description }
        }
        guard form.errors.isEmpty, let rule, let days, let grid else {
            return try await page(req, year: year, form: form, status: .badRequest)
        }
        try await FeeScheduleService.saveGrid(grid, year: year, rule: rule, paymentDays: days, organisationID: orgID, user: user, on: req.db)
        return req.redirect(to: Site.feeScheduleIndex.path(), flash: "Barème \(year) enregistré.")
    }
}
