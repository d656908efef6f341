package fr.atlas.cases.web;

import java.util.List;

import fr.atlas.cases.internal.CaseCounts;
import fr.atlas.platform.UserId;
import fr.atlas.platform.web.HomeCard;
import fr.atlas.platform.web.HomeFigure;

import org.springframework.stereotype.Component;

/** The month's north star and the member's own cases on the home page. */
@Component
class CasesHomeCard implements HomeCard {

	/** A no-show rate above this is worth a look. */
	private static final double WORRYING_NO_SHOWS = 0.2;

	private final CaseCounts counts;

	CasesHomeCard(CaseCounts counts) {
		this.counts = counts;
	}

	@Override
	public String titleCode() {
		return "home.cases";
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public String feature() {
		return "cases";
	}

	@Override
	public List<HomeFigure> figures(UserId member) {
		CaseCounts.Counts now = this.counts.current(member);
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
