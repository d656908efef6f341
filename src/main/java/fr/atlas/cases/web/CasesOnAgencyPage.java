package fr.atlas.cases.web;

import fr.atlas.cases.internal.AgencyCases;
import fr.atlas.cases.internal.AgencyProspection;
import fr.atlas.platform.web.AgencyPanel;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The cases an agency is a party to, on the agency's page, and a button that opens its
 * prospection case ({@link AgencyProspectionController}) while it has none open.
 */
@Configuration(proxyBeanMethods = false)
class CasesOnAgencyPage {

	@Bean
	AgencyPanel agencyCasesPanel(AgencyCases cases, AgencyProspection prospection) {
		return new AgencyPanel("cases.agency.title", "cases.agency.none", 10, "cases",
				(agency) -> cases.of(agency, LocaleContextHolder.getLocale().getLanguage())
					.stream()
					.map((c) -> new AgencyPanel.Entry(c.reference() + " · " + c.title(), "/cases/" + c.id(), c.state()))
					.toList(),
				// an agency in prospection shows its case in the list above, no button
				new AgencyPanel.Action("cases.agency.open", "/cases/from-agency",
						(agency) -> prospection.openCase(agency).isEmpty()));
	}

}
