import Fluent
import Foundation
import GrappeDomain

/// The news form, drawn without a request. The staff publish at once; a member contact
/// (`staff` false) picks which of their `companies` the post is about and sends it for review.
enum NewsFormView {
    static func render(title: String, action: String, form: FormState, companies: [Company], staff: Bool, csrf: HTML) -> HTML {
        let companyField: HTML = staff
            ? .empty
            : Input.select("companyID", "Entreprise concernée", form, options: companies.map { ($0.id!.uuidString, $0.name) }, required: true)
        let review: HTML = staff ? .empty : "<p>Votre actualité (nouveau produit, recrutement, succès…) est relue par l'équipe avant publication.</p>"
        return """
        \(UI.breadcrumbs([("Actualités", Site.newsIndex.path()), (title, nil)]))
        <h1>\(title)</h1>
        \(review)
        \(form.summary)
        <form method="post" action="\(action)" class="stack">\(csrf)
        \(companyField)
        \(Input.text("title", "Titre", form, required: true, maxLength: 150))
        \(Input.textarea("body", "Texte (Markdown : **gras**, *italique*, listes, [liens](https://…))", form, maxLength: 20000))
        <button class="primary">\(staff ? "Publier" : "Envoyer pour relecture")</button></form>
        """
    }
}
