package fr.atlas.cases.web;

import java.util.List;

import fr.atlas.cases.internal.CaseCounts;
import fr.atlas.platform.UserId;
import fr.atlas.platform.web.HomeCard;
import fr.atlas.platform.web.HomeFigure;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The month's north star and the member's own cases on the home page. */
@Configuration(proxyBeanMethods = false)
class CasesHome {

	/** A no-show rate above this is worth a look. */
	private static final double WORRYING_NO_SHOWS = 0.2;

	@Bean
	HomeCard casesHomeCard(CaseCounts counts) {
		return new HomeCard("home.cases", 30, "cases", (member) -> figures(member, counts.current(member)));
	}

	static List<HomeFigure> figures(UserId member, CaseCounts.Counts now) {
		String mine = "/cases?assignee=" + member.value();
		Double noShows = now.noShowRateThisMonth();
		return List.of(
				HomeFigure.count("home.cases.appointments", now.appointmentsThisMonth(), "/cases/reports", false),
				HomeFigure.rate("home.cases.no-shows", noShows, "/cases/reports",
						noShows != null && noShows > WORRYING_NO_SHOWS),
				HomeFigure.count("home.cases.mine", now.myOpenCases(), mine, false),
				HomeFigure.count("home.cases.overdue-tasks", now.myOverdueTasks(), mine, now.myOverdueTasks() > 0),
				HomeFigure.count("home.cases.sla-breached", now.slaBreached(), "/cases", now.slaBreached() > 0));
	}

}
