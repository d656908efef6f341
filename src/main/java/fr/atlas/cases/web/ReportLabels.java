package fr.atlas.cases.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import fr.atlas.cases.internal.CaseType;
import fr.atlas.cases.internal.CaseTypes;
import fr.atlas.cases.internal.Workflows;
import fr.atlas.tenancy.Member;
import fr.atlas.tenancy.Members;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the reports name in words, in the reader's language: case types, states, members.
 * The dashboard, its CSV and the API's CSV read them alike.
 */
@Component
class ReportLabels {

	private final CaseTypes caseTypes;

	private final Workflows workflows;

	private final Members members;

	ReportLabels(CaseTypes caseTypes, Workflows workflows, Members members) {
		this.caseTypes = caseTypes;
		this.workflows = workflows;
		this.members = members;
	}

	Map<String, String> types() {
		String language = LocaleContextHolder.getLocale().getLanguage();
		return this.caseTypes.all().stream().collect(Collectors.toMap(CaseType::key, (t) -> t.label(language)));
	}

	/**
	 * Each state's label in the reader's language, by case type and state key
	 * ({@code LEAD_ACHAT:QUALIFIED} → "Qualifié"), from the type's current workflow.
	 */
	Map<String, String> states() {
		String language = LocaleContextHolder.getLocale().getLanguage();
		Map<String, String> labels = new LinkedHashMap<>();
		for (CaseType type : this.caseTypes.all()) {
			this.workflows.current(type.key())
				.definition()
				.states()
				.forEach((state) -> labels.put(type.key() + ":" + state.key(), state.label(language)));
		}
		return labels;
	}

	Map<String, String> members() {
		return this.members.all()
			.stream()
			.collect(Collectors.toMap((Member m) -> m.id().value().toString(), Member::name, (a, b) -> a));
	}

}
