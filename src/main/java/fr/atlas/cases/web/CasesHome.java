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

	/**
	 * Each figure leads to the list of exactly the cases it counts: the list's filters
	 * are those of the count in {@link CaseCounts}.
	 */
	static List<HomeFigure> figures(UserId member, CaseCounts.Counts now) {
		Double noShows = now.noShowRateThisMonth();
		long overdue = now.myCasesWithOverdueTasks();
		return List.of(
				HomeFigure.count("home.cases.appointments", now.appointmentsThisMonth(), "/cases/reports", false),
				HomeFigure.rate("home.cases.no-shows", noShows, "/cases/reports",
						noShows != null && noShows > WORRYING_NO_SHOWS),
				HomeFigure.count("home.cases.mine", now.myOpenCases(),
						"/cases?assignee=" + member.value() + "&open=true", false),
				HomeFigure.count("home.cases.overdue-task-cases", overdue, "/cases?overdueTasksOf=" + member.value(),
						overdue > 0),
				HomeFigure.count("home.cases.sla-breached", now.slaBreached(), "/cases?open=true&slaBreached=true",
						now.slaBreached() > 0));
	}

}
