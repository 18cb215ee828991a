/// The links to the staff's diagnostic tools, shown on the list of requests.
enum DiagnosticToolLinks {
    static var bar: HTML {
        """
        <p class="actions"><a class="button" href="\(Site.diagnosticQuestionnaires.path())">Questionnaires</a> \
        <a class="button" href="\(Site.diagnosticActions.path())">Catalogue d'actions</a> \
        <a class="button" href="\(Site.diagnosticSettings.path())">Réglages du diagnostic</a> \
        <a class="button" href="\(Site.diagnosticAdminFigures.path())">Les diagnostics en chiffres</a></p>
        """
    }
}
