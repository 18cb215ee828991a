import Foundation
import GrappeDomain

/// The directory's public pages, drawn without a request: search with filters, and a company's
/// profile (`canEdit`: the staff or the company's contacts get a link to edit it).
enum DirectoryView {
    static func search(filter: DirectoryFilter, entries: [DirectoryEntry], pages: Pagination,
                       domains: [CompetenceDomain]) -> HTML {
        let form = FormState(values: filter.params.merging(["adherent": filter.params["adherent"] ?? ""]) { a, _ in a })
        let results = entries.map { entry -> HTML in
            let c = entry.company
            return """
            <li class="card"><h2><a href="\(Site.directoryShow.path(c.slug))">\(c.name)</a> \(entry.isMember ? UI.badge("adhérent OPEN", "ok") : .empty)</h2>
            <p class="muted">\(c.commune) · \(SizeBand.of(headcount: c.headcount).label)</p>
            \(entry.domains.isEmpty ? .empty : HTML("<p class=\"tags\">\(entry.domains.map { HTML("<span class=\"tag\">\($0)</span>") })</p>"))
            <p>\(Markdown.excerpt(c.about, maxLength: 220))</p></li>
            """
        }
        return """
        <div class="page-head"><h1>Annuaire des professionnels du numérique</h1>
        <div class="actions"><a class="button" href="\(Site.directoryExportCSV.path())">Export CSV</a> <a class="button" href="\(Site.directoryExportJSON.path())">Export JSON</a></div></div>
        <p class="lead">Les entreprises du numérique de Nouvelle-Calédonie, adhérentes ou non, qui ont accepté d'y figurer.</p>
        <form method="get" action="\(Site.directoryIndex.path())" class="filters" role="search">
        \(Input.text("q", "Recherche", form, type: "search", maxLength: 100, hint: "Nom ou activité, sans se soucier des accents"))
        \(Input.select("domaine", "Domaine", form, options: domains.map { ($0.id!.uuidString, $0.name) }, blank: "Tous"))
        \(Input.select("commune", "Commune", form, options: Communes.inFrenchOrder.map { ($0, $0) }, blank: "Toutes"))
        \(Input.select("taille", "Taille", form, options: SizeBand.allCases.map { ($0.rawValue, $0.label) }, blank: "Toutes"))
        \(Input.select("adherent", "Adhérent", form, options: [("oui", "Adhérents seulement"), ("non", "Non adhérents")], blank: "Tous"))
        <button class="primary">Rechercher</button>
        </form>
        <p role="status">\(pages.total == 0 ? "Aucun professionnel ne correspond." : pages.total == 1 ? "1 professionnel" : "\(pages.total) professionnels")</p>
        \(entries.isEmpty ? UI.emptyState("Essayez moins de mots ou retirez un filtre.", action: "<a href=\"\(Site.directoryIndex.path())\">Tout l'annuaire</a>") : HTML("<ul class=\"cards\">\(results)</ul>"))
        \(pages.links(path: Site.directoryIndex.path(), params: filter.params))
        <p class="muted">Votre entreprise n'y figure pas ? <a href="\(Site.joinForm.path())">Adhérez au cluster</a> ou écrivez-nous.</p>
        """
    }

    static func profile(entry: DirectoryEntry, form: FormState, canEdit: Bool, csrf: HTML) -> HTML {
        let c = entry.company
        let verified = c.verifiedAt.map { "Fiche vérifiée le \(FrenchDate.long($0))." } ?? "Fiche pas encore vérifiée."
        let website: HTML = FieldCheck.isWebURL(c.website) ? "<dt>Site</dt><dd><a href=\"\(c.website)\" rel=\"nofollow noopener\">\(c.website)</a></dd>" : .empty
        let edit: HTML = canEdit ? "<a class=\"button\" href=\"\(Site.memberEditForm.path(c.id!))\">Modifier la fiche</a>" : .empty
        return """
        \(UI.breadcrumbs([("Annuaire", Site.directoryIndex.path()), (c.name, nil)]))
        <article class="profile">
        <div class="page-head"><h1>\(c.name) \(entry.isMember ? UI.badge("adhérent OPEN", "ok") : .empty)</h1><div class="actions">\(edit)</div></div>
        \(entry.domains.isEmpty ? .empty : HTML("<p class=\"tags\">\(entry.domains.map { HTML("<span class=\"tag\">\($0)</span>") })</p>"))
        <div class="prose">\(HTML.markdown(c.about))</div>
        <dl class="facts">
        <dt>Commune</dt><dd>\(c.commune)</dd>
        \(c.address.isEmpty ? .empty : HTML("<dt>Adresse</dt><dd>\(c.address)</dd>"))
        <dt>Taille</dt><dd>\(SizeBand.of(headcount: c.headcount).label)</dd>
        \(website)
        \(c.email.isEmpty ? .empty : HTML("<dt>E-mail</dt><dd><a href=\"mailto:\(c.email)\">\(c.email)</a></dd>"))
        \(c.phone.isEmpty ? .empty : HTML("<dt>Téléphone</dt><dd>\(c.phone)</dd>"))
        \(c.ridet.map { HTML("<dt>RIDET</dt><dd>\($0)</dd>") })
        </dl>
        <p class="muted">\(verified)</p>
        </article>
        <details class="panel"\(HTML.flag(.open, !form.errors.isEmpty))><summary>Cette fiche est inexacte ? Demander une correction ou un retrait</summary>
        \(form.summary)
        <form method="post" action="\(Site.directoryReport.path(c.slug))">
        \(csrf)
        \(Input.select("kind", "Demande", form, options: DirectoryRequest.Kind.allCases.map { ($0.rawValue, $0 == .correction ? "Corriger la fiche" : "Retirer la fiche de l'annuaire") }, required: true))
        \(Input.text("name", "Votre nom", form, required: true, maxLength: 120))
        \(Input.text("email", "Votre e-mail", form, type: "email", required: true, maxLength: 254))
        \(Input.textarea("message", "Ce qu'il faut changer, et pourquoi", form, maxLength: 2000))
        \(PublicFormGuard.field)
        <button class="primary">Envoyer la demande</button>
        </form>
        <p class="muted">L'équipe du cluster vérifie chaque demande et vous répond par e-mail.</p>
        </details>
        """
    }

    /// Open Graph tags and schema.org JSON-LD for a company page.
    static func head(entry: DirectoryEntry, baseURL: String) -> HTML {
        let c = entry.company
        let url = baseURL + Site.directoryShow.path(c.slug)
        let description = Markdown.excerpt(c.about, maxLength: 200)
        var ld: [String: String] = ["@context": "https://schema.org", "@type": "Organization", "name": c.name, "url": url,
                                    "description": description]
        if FieldCheck.isWebURL(c.website) { ld["sameAs"] = c.website }
        if !c.email.isEmpty { ld["email"] = c.email }
        if !c.phone.isEmpty { ld["telephone"] = c.phone }
        let address = ["@type": "PostalAddress", "streetAddress": c.address, "addressLocality": c.commune, "addressCountry": "NC"]
        return """
        <link rel="canonical" href="\(url)">
        <meta name="description" content="\(description)">
        <meta property="og:type" content="website">
        <meta property="og:title" content="\(c.name)">
        <meta property="og:description" content="\(description)">
        <meta property="og:url" content="\(url)">
        \(FieldCheck.isWebURL(c.logoURL) ? HTML("<meta property=\"og:image\" content=\"\(c.logoURL)\">") : .empty)
        <script type="application/ld+json">\(HTML(raw: JSONLD.encode(ld, nested: ["address": address])))</script>
        """
    }
}

/// JSON for a `<script type="application/ld+json">` block, safe to inline: `<`, `>` and `&` are
/// written as Unicode escapes so that no text can close the script element.
enum JSONLD {
    static func encode(_ fields: [String: String], nested: [String: [String: String]] = [:]) -> String {
        var object: [String: Any] = fields
        for (key, value) in nested { object[key] = value }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]),
              let text = String(data: data, encoding: .utf8) else { return "{}" }
        return text.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
    }
}
